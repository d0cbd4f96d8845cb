using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The whole platform as the README's run command starts it, through the AppHost: local RabbitMQ
/// and PostgreSQL in a throw-away folder on free ports, the four services and the gateway. Started
/// once per test collection (about 20 s here).
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("proposalplatform-test-");
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(5);
        string[] args =
        [
            "--Infrastructure:Mode=local",
            $"--Infrastructure:Local:DataDirectory={_dataDirectory.FullName}",
            $"--Infrastructure:Local:RabbitMqPort={ports[0]}",
            $"--Infrastructure:Local:RabbitMqManagementPort={ports[1]}",
            $"--Infrastructure:Local:RabbitMqDistributionPort={ports[2]}",
            $"--Infrastructure:Local:EpmdPort={ports[3]}",
            $"--Infrastructure:Local:PostgresPort={ports[4]}",
        ];

        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ProposalPlatform_AppHost>(args, timeout.Token);
        var services = builder.Resources.OfType<ProjectResource>().ToList();
        var servicePorts = FreePorts.Take(services.Count);
        foreach (var (service, port) in services.Zip(servicePorts))
        {
            // a clock the tests can move (deadlines months away), and the schedulers looking every second
            builder.CreateResourceBuilder(service)
                // each service listens on its own port, not on its launch profile's: a platform may be running
                .WithEndpoint("http", endpoint => endpoint.Port = endpoint.TargetPort = port)
                .WithEnvironment("Testing__ClockControl", "true")
                .WithEnvironment("Assignment__DeadlineScanInterval", "00:00:01")
                .WithEnvironment("ContactScheduling__ReminderScanInterval", "00:00:01");
        }

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, timeout.Token);

        // the proposal office's key, which the AppHost made in the data folder
        OfficeKey = (await File.ReadAllTextAsync(Path.Combine(_dataDirectory.FullName, "office.key"), timeout.Token)).Trim();
        Gateway = GatewayClient(OfficeKey);
    }

    public string OfficeKey { get; private set; } = "";

    /// <summary>A client of the gateway calling with <paramref name="apiKey"/> (none when null).</summary>
    public HttpClient GatewayClient(string? apiKey)
    {
        var client = App.CreateHttpClient(ResourceNames.Gateway);
        client.Timeout = TimeSpan.FromSeconds(30);
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(CallerHeaders.ApiKey, apiKey);
        }

        return client;
    }

    /// <summary>A customs district's client: the office issues the district a key, the district calls with it.</summary>
    public async Task<HttpClient> DistrictClientAsync(string districtCode)
    {
        using var response = await Gateway.PostAsJsonAsync($"/api/assignment/units/{districtCode}/credentials", new { by = "建议提案办理处", label = "test" });
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        return GatewayClient(issued!["key"]!.GetValue<string>());
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
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
