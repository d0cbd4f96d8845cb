using ProposalPlatform.Contracts;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;

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
        (ResourceNames.Reporting, "Reporting", "/api/reporting"),
        (ResourceNames.Notifications, "Notifications", "/api/notifications"),
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
            RateLimiterPolicy = ClientRateLimits.Policies[Budget.Calls],
            MaxRequestBodySize = MaxRequestBytes,
        }),
        new RouteConfig
        {
            RouteId = "intake-batches-api",
            ClusterId = ResourceNames.Intake,
            // the uploads take the batches budget; following a batch's progress is an ordinary call
            Match = new RouteMatch { Path = BatchesPrefix + "/{**rest}", Methods = ["POST"] },
            AuthorizationPolicy = Authenticated,
            RateLimiterPolicy = ClientRateLimits.Policies[Budget.Batches],
            // a whole session's batch from the assigning office is tens of megabytes
            MaxRequestBodySize = MaxBatchBytes,
        },
        .. SearchRoutes,
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
        PortalRoute,
    ];

    /// <summary>
    /// Every other path is the web portal's (its pages, its static files, its circuit's WebSocket): it
    /// signs people in itself, with the identity service, and calls the APIs with their tokens. Last
    /// of all routes, so it never takes an API's or the identity service's path.
    /// </summary>
    private static RouteConfig PortalRoute => new()
    {
        RouteId = "portal",
        ClusterId = ResourceNames.Portal,
        Order = int.MaxValue,
        Match = new RouteMatch { Path = "/{**rest}" },
        AuthorizationPolicy = Anonymous,
        RateLimiterPolicy = ClientRateLimits.Policies[Budget.Calls],
        MaxRequestBodySize = MaxRequestBytes,
        // the portal builds its sign-in's return address from the public host
        Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
    };

    /// <summary>The paths the gateway answers itself with 404: an API or document of no service is not the portal's either.</summary>
    public static readonly IReadOnlyList<string> UnknownPrefixes = ["/api", "/openapi"];

    /// <summary>
    /// Intake's searches, which take the searches budget: the item list with a full-text <c>q</c>, an
    /// item's similar items and the list of similar pairs. The same addresses without <c>q</c>, and the
    /// decisions on pairs, are ordinary calls.
    /// </summary>
    private static IEnumerable<RouteConfig> SearchRoutes =>
    [
        SearchRoute("intake-search-api", "/api/intake/proposals", new RouteQueryParameter { Name = "q", Mode = QueryParameterMatchMode.Exists }),
        SearchRoute("intake-similar-api", "/api/intake/proposals/{id}/similar"),
        SearchRoute("intake-similar-pairs-api", "/api/intake/similar"),
    ];

    private static RouteConfig SearchRoute(string routeId, string path, RouteQueryParameter? query = null) => new()
    {
        RouteId = routeId,
        ClusterId = ResourceNames.Intake,
        Match = new RouteMatch
        {
            Path = path,
            Methods = [HttpMethods.Get],
            QueryParameters = query is null ? null : [query],
        },
        AuthorizationPolicy = Authenticated,
        RateLimiterPolicy = ClientRateLimits.Policies[Budget.Searches],
        MaxRequestBodySize = MaxRequestBytes,
    };

    private static IEnumerable<RouteConfig> IdentityPublicRoutes =>
        IdentityPublicPrefixes.Select(prefix => new RouteConfig
        {
            RouteId = $"identity{prefix.Replace('/', '-')}",
            ClusterId = ResourceNames.Identity,
            Match = new RouteMatch { Path = prefix + "/{**rest}" },
            AuthorizationPolicy = Anonymous,
            // sign-in and token requests too: guessing passwords or secrets is held to a budget per address
            RateLimiterPolicy = ClientRateLimits.Policies[Budget.Calls],
            // the sign-in pages and the issuer are the gateway's public address
            Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
        });

    /// <summary>The portal's affinity cookie: a person's circuit (and its WebSocket) stays with the copy of the portal that holds it.</summary>
    public const string PortalAffinityCookie = "pp.portal.affinity";

    /// <summary>
    /// One cluster per service. Its one destination is the service's name, which service discovery turns
    /// into one destination per copy of the service (<c>Platform:Replicas</c>); requests go to them in turn.
    /// </summary>
    public static IReadOnlyList<ClusterConfig> Clusters =>
    [
        .. Services.Select(s => new ClusterConfig
        {
            ClusterId = s.Service,
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            HealthCheck = Probed,
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(30) },
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [s.Service] = new() { Address = $"http://{s.Service}" },
            },
        }),
        new ClusterConfig
        {
            ClusterId = ResourceNames.Portal,
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            // a hash of the destination, not its address, in the cookie
            SessionAffinity = new SessionAffinityConfig { Enabled = true, Policy = "HashCookie", AffinityKeyName = PortalAffinityCookie },
            HealthCheck = Probed,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [ResourceNames.Portal] = new() { Address = $"http://{ResourceNames.Portal}" },
            },
        },
    ];

    /// <summary>
    /// A copy that stops answering is found by the probe (or by a request that failed on it) and left out
    /// until it answers again: the requests go to the other copies, and where none is left they are
    /// answered at once with a 503 ProblemDetails instead of each waiting for its own timeout.
    /// </summary>
    private static HealthCheckConfig Probed => new()
    {
        Active = new ActiveHealthCheckConfig
        {
            Enabled = true,
            Interval = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromSeconds(2),
            Policy = "ConsecutiveFailures",
            Path = "/alive",
        },
        Passive = new PassiveHealthCheckConfig
        {
            Enabled = true,
            Policy = "TransportFailureRate",
            ReactivationPeriod = TimeSpan.FromSeconds(10),
        },
    };
}
