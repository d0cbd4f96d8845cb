using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using System.Text.Json.Nodes;
using ProposalPlatform.AppHost.Services;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The whole platform as the README's run command starts it, through the AppHost: local RabbitMQ
/// and PostgreSQL in a throw-away folder on free ports, the identity service, the four services and
/// the gateway; callers with the office's machine client and clients the office creates. Started
/// once per test collection (about 20 s here).
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    protected virtual TimeSpan StartTimeout => TimeSpan.FromMinutes(4);

    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("proposalplatform-test-");
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>The proposal office's machine client (its scripts), through the gateway.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(7);
        string[] args =
        [
            "--Infrastructure:Mode=local",
            $"--Infrastructure:Local:DataDirectory={_dataDirectory.FullName}",
            $"--Infrastructure:Local:RabbitMqPort={ports[0]}",
            $"--Infrastructure:Local:RabbitMqManagementPort={ports[1]}",
            $"--Infrastructure:Local:RabbitMqDistributionPort={ports[2]}",
            $"--Infrastructure:Local:EpmdPort={ports[3]}",
            $"--Infrastructure:Local:PostgresPort={ports[4]}",
            // the local smtp4dev, whose inbox the tests read the digests from
            $"--Mail:SmtpPort={ports[5]}",
            $"--Mail:InboxPort={ports[6]}",
            .. Arguments,
        ];

        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ProposalPlatform_AppHost>(args, timeout.Token);
        var services = builder.Resources.OfType<PlatformServiceResource>().ToList();
        var servicePorts = FreePorts.Take(services.Count);
        foreach (var (service, port) in services.Zip(servicePorts))
        {
            // a clock the tests can move (deadlines months away), and the schedulers looking every second
            builder.CreateResourceBuilder(service)
                // each service listens on its own port, not on its launch profile's: a platform may be running
                .WithEndpoint("http", endpoint => endpoint.Port = endpoint.TargetPort = port)
                .WithEnvironment("Testing__ClockControl", "true")
                .WithEnvironment("Assignment__DeadlineScanInterval", "00:00:01")
                .WithEnvironment("ContactScheduling__ReminderScanInterval", "00:00:01")
                .WithEnvironment("Intake__Batches__ResumeInterval", "00:00:01")
                // the units' digests go as soon as their notices are there, and a refused one is tried again within seconds
                .WithEnvironment("Notifications__DigestSendTime", "00:00")
                .WithEnvironment("Notifications__DigestScanInterval", "00:00:01")
                .WithEnvironment("Notifications__RetryDelay", "00:00:01")
                .WithEnvironment("Notifications__MaxRetryDelay", "00:00:02");
        }

        Configure(builder);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        var gateway = await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, timeout.Token);
        Started(_app, gateway.ResourceId);

        // the office's machine client, which the AppHost made in the data folder; every other client the office creates
        var officeClient = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_dataDirectory.FullName, "office-client.json"), timeout.Token))!;
        OfficeAdmin = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_dataDirectory.FullName, "office-admin.json"), timeout.Token))!.AsObject();
        OfficeClientCredentials = (officeClient["clientId"]!.GetValue<string>(), officeClient["clientSecret"]!.GetValue<string>());
        Gateway = ClientWithSecret(OfficeClientCredentials.ClientId, OfficeClientCredentials.Secret);
        Handler = await ClientAsync(LeadUnit, PlatformRoles.UnitHandler);
        Head = await ClientAsync(LeadUnit, PlatformRoles.UnitHead);
    }

    /// <summary>What a platform of another shape adds to the AppHost's arguments.</summary>
    protected virtual IReadOnlyList<string> Arguments => [];

    /// <summary>What a platform of another shape changes in its resources before they are built.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }

    /// <summary>Called once the platform has started and its gateway (the resource <paramref name="gatewayId"/>) is healthy.</summary>
    protected virtual void Started(DistributedApplication app, string gatewayId)
    {
    }

    /// <summary>The display name of the office's machine client, which its writes record as who made them.</summary>
    public const string OfficeClientName = "建议提案办理处";

    /// <summary>The unit the tests' items are routed to by their topic (综合保税区).</summary>
    public const string LeadUnit = "HQ-FTZ";

    public Uri GatewayAddress => App.GetEndpoint(ResourceNames.Gateway, "http");

    /// <summary>The local smtp4dev's web inbox and its REST API (<c>/api/messages</c>), where the digests land.</summary>
    public Uri MailInboxAddress => App.GetEndpoint(ResourceNames.MailServer, "http");

    /// <summary>The platform's data directory, where the AppHost keeps the bootstrap credentials.</summary>
    public string DataDirectory => _dataDirectory.FullName;

    public Uri TokenEndpoint => new(GatewayAddress, "/connect/token");

    /// <summary>The office's machine client as the AppHost kept it in <c>office-client.json</c>.</summary>
    public (string ClientId, string Secret) OfficeClientCredentials { get; private set; }

    /// <summary>The office's first administrator as the AppHost kept it: userName, password, authenticatorKey.</summary>
    public JsonObject OfficeAdmin { get; private set; } = new();

    /// <summary>A handler of <see cref="LeadUnit"/>: contacts, drafts, the handler's sign-off, the reply, feedback.</summary>
    public HttpClient Handler { get; private set; } = null!;

    /// <summary>The head of <see cref="LeadUnit"/>: the unit head's sign-off.</summary>
    public HttpClient Head { get; private set; } = null!;

    /// <summary>A client of the gateway sending no token at all.</summary>
    public HttpClient Anonymous()
    {
        var client = new HttpClient { BaseAddress = GatewayAddress, Timeout = TimeSpan.FromSeconds(30) };
        return client;
    }

    /// <summary>A client of the gateway with <paramref name="clientId"/>'s client credentials.</summary>
    public HttpClient ClientWithSecret(string clientId, string clientSecret, Uri? baseAddress = null) =>
        new(new ClientCredentialsHandler(TokenEndpoint, clientId, clientSecret)) { BaseAddress = baseAddress ?? GatewayAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// The office creates a machine client of <paramref name="unitCode"/> with <paramref name="role"/>
    /// through the identity service; the client then calls with its own token.
    /// </summary>
    public async Task<HttpClient> ClientAsync(string unitCode, string role, Uri? baseAddress = null)
    {
        var (clientId, secret) = await CreateClientAsync(unitCode, role);
        return ClientWithSecret(clientId, secret, baseAddress);
    }

    public async Task<(string ClientId, string Secret)> CreateClientAsync(string unitCode, string role)
    {
        using var response = await Gateway.PostAsJsonAsync("/api/identity/clients", new
        {
            clientId = $"test-{unitCode.ToLowerInvariant()}-{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..48],
            displayName = $"{unitCode} {role} (tests)",
            unitCode,
            roles = new[] { role },
        });
        Assert.True(response.IsSuccessStatusCode, $"creating a client answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var issued = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (issued!["clientId"]!.GetValue<string>(), issued["clientSecret"]!.GetValue<string>());
    }

    /// <summary>
    /// The office creates a person of <paramref name="unitCode"/> with <paramref name="roles"/>; answers
    /// the new person as the identity service showed them once (id, userName, initialPassword, …).
    /// </summary>
    public async Task<JsonObject> CreatePersonAsync(string unitCode, params string[] roles)
    {
        using var response = await Gateway.PostAsJsonAsync("/api/identity/people", new
        {
            userName = $"p{Guid.NewGuid():N}"[..20],
            displayName = $"{unitCode} {string.Join("/", roles)}",
            unitCode,
            roles,
        });
        Assert.True(response.IsSuccessStatusCode, $"creating a person answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>A new person of <paramref name="unitCode"/>, signed in through the sign-in pages; calls with the person's token.</summary>
    public async Task<HttpClient> PersonAsync(string unitCode, string role)
    {
        var person = await CreatePersonAsync(unitCode, role);
        return await PersonSignIn.ClientAsync(
            GatewayAddress, person["userName"]!.GetValue<string>(), person["initialPassword"]!.GetValue<string>(), person["authenticatorKey"]?.GetValue<string>());
    }

    /// <summary>A customs district's system: the office creates its client, the district calls with its token.</summary>
    public Task<HttpClient> DistrictClientAsync(string districtCode) => ClientAsync(districtCode, PlatformRoles.DistrictOfficer);

    public virtual async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Handler?.Dispose();
        Head?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a process still closing its files; the folder is in the temp directory anyway
        }
    }

    /// <summary>Moves the clock of <paramref name="serviceName"/> forward (or back to the system's time when <paramref name="by"/> is null).</summary>
    public async Task MoveClockAsync(string serviceName, TimeSpan? by)
    {
        using var service = App.CreateHttpClient(serviceName);
        using var response = await service.PostAsJsonAsync("/testing/clock", by is null ? new { reset = true } : (object)new { advanceBy = by });
        response.EnsureSuccessStatusCode();
    }

    public async Task<string> ConnectionStringAsync(string resourceName) =>
        await App.GetConnectionStringAsync(resourceName)
            ?? throw new InvalidOperationException($"{resourceName} has no connection string.");
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform";
}
