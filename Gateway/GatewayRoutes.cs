using ProposalPlatform.Contracts;
using Yarp.ReverseProxy.Configuration;

namespace ProposalPlatform.Gateway;

/// <summary>
/// The one public entry: each service's API under <c>/api/…</c> and its OpenAPI document under
/// <c>/openapi/{service}/v1.json</c>. Destinations are service names that Aspire's service
/// discovery resolves.
/// </summary>
public static class GatewayRoutes
{
    public const long MaxBatchBytes = 512L * 1024 * 1024;

    /// <summary>Any other operation's body: the largest item (a text of 100,000 Chinese characters) with room to spare.</summary>
    public const long MaxRequestBytes = 4L * 1024 * 1024;

    public const string BatchesPrefix = "/api/intake/batches";

    /// <summary>The services behind the gateway and the path prefix each one owns.</summary>
    public static readonly IReadOnlyList<(string Service, string Title, string ApiPrefix)> Services =
    [
        (ResourceNames.Intake, "Intake", "/api/intake"),
        (ResourceNames.Assignment, "Assignment", "/api/assignment"),
        (ResourceNames.ContactScheduling, "Contact scheduling", "/api/contacts"),
        (ResourceNames.Reply, "Reply", "/api/replies"),
        (ResourceNames.Identity, "Identity", "/api/identity"),
        (ResourceNames.Audit, "Audit", "/api/audit"),
    ];

    /// <summary>
    /// The identity service's public paths: discovery and signing keys, the token, authorization and
    /// sign-out endpoints, the sign-in pages. They are for callers without a token yet.
    /// </summary>
    public static readonly IReadOnlyList<string> IdentityPublicPrefixes = ["/.well-known", "/connect", "/account"];

    /// <summary>YARP's name for "no token needed"; API routes need an authenticated caller ("default").</summary>
    private const string Anonymous = "anonymous";
    private const string Authenticated = "default";

    public static IReadOnlyList<RouteConfig> Routes =>
    [
        .. Services.Select(s => new RouteConfig
        {
            RouteId = $"{s.Service}-api",
            ClusterId = s.Service,
            Match = new RouteMatch { Path = s.ApiPrefix + "/{**rest}" },
            // the gateway checks the token too; each service checks it again, and decides what the caller may do
            AuthorizationPolicy = Authenticated,
            RateLimiterPolicy = ClientRateLimits.Policy,
            MaxRequestBodySize = MaxRequestBytes,
        }),
        new RouteConfig
        {
            RouteId = "intake-batches-api",
            ClusterId = ResourceNames.Intake,
            Match = new RouteMatch { Path = BatchesPrefix + "/{**rest}" },
            AuthorizationPolicy = Authenticated,
            RateLimiterPolicy = ClientRateLimits.Policy,
            // a whole session's batch from the assigning office is tens of megabytes
            MaxRequestBodySize = MaxBatchBytes,
        },
        .. Services.Select(s => new RouteConfig
        {
            RouteId = $"{s.Service}-openapi",
            ClusterId = s.Service,
            Match = new RouteMatch { Path = $"/openapi/{s.Service}/v1.json" },
            AuthorizationPolicy = Anonymous,
            Transforms =
            [
                new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" },
                // the document then names the gateway, not the service behind it, as its server
                new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" },
            ],
        }),
        .. IdentityPublicRoutes,
    ];

    private static IEnumerable<RouteConfig> IdentityPublicRoutes =>
        IdentityPublicPrefixes.Select(prefix => new RouteConfig
        {
            RouteId = $"identity{prefix.Replace('/', '-')}",
            ClusterId = ResourceNames.Identity,
            Match = new RouteMatch { Path = prefix + "/{**rest}" },
            AuthorizationPolicy = Anonymous,
            // sign-in and token requests too: guessing passwords or secrets is held to a budget per address
            RateLimiterPolicy = ClientRateLimits.Policy,
            // the sign-in pages and the issuer are the gateway's public address
            Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
        });

    public static IReadOnlyList<ClusterConfig> Clusters =>
    [
        .. Services.Select(s => new ClusterConfig
        {
            ClusterId = s.Service,
            // A service that stops answering is found by the probe and answered for at once with a
            // 503 ProblemDetails, instead of every request waiting for its own timeout.
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = TimeSpan.FromSeconds(5),
                    Timeout = TimeSpan.FromSeconds(2),
                    Policy = "ConsecutiveFailures",
                    Path = "/alive",
                },
            },
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(30) },
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [s.Service] = new() { Address = $"http://{s.Service}" },
            },
        }),
    ];
}
