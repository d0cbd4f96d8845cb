using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using ProposalPlatform.AppHost.Services;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The platform with two copies of every service and of the portal (<c>Platform:Replicas=2</c>), as the
/// AppHost's <c>replicas</c> profile runs it: each copy on a port of its own, all behind the one gateway.
/// The gateway logs where it forwards each request (YARP's forwarder at Information), so that a test can
/// tell which copy served it.
/// </summary>
public sealed partial class ReplicatedPlatformFixture : PlatformFixture
{
    public const int Copies = 2;

    private readonly ConcurrentDictionary<int, int> _forwardedToPort = new();
    private readonly CancellationTokenSource _stopWatching = new();
    private Task _watching = Task.CompletedTask;

    // twenty processes on the test machine's cores: they start more slowly than the shared platform's ten
    protected override TimeSpan StartTimeout => TimeSpan.FromMinutes(8);

    protected override IReadOnlyList<string> Arguments => [$"--Platform:Replicas={Copies}"];

    protected override void Configure(IDistributedApplicationTestingBuilder builder) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<PlatformServiceResource>().Single(resource => resource.Name == ResourceNames.Gateway))
            .WithEnvironment("Logging__LogLevel__Yarp.ReverseProxy.Forwarder.HttpForwarder", "Information");

    // watched by the gateway's resource id (its run's name, not the model's): the tests' requests all come after this
    protected override void Started(DistributedApplication app, string gatewayId)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        _watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in logs.WatchAsync(gatewayId).WithCancellation(_stopWatching.Token))
                {
                    foreach (var line in batch)
                    {
                        if (ProxyingTo().Match(line.Content) is { Success: true } forwarded)
                        {
                            _forwardedToPort.AddOrUpdate(int.Parse(forwarded.Groups["port"].Value, CultureInfo.InvariantCulture), 1, (_, count) => count + 1);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (_stopWatching.IsCancellationRequested)
            {
            }
        });
    }

    /// <summary>The port of each copy of <paramref name="service"/>, the first copy's first.</summary>
    public IReadOnlyList<int> PortsOf(string service) =>
        [.. Enumerable.Range(1, Copies).Select(copy => App.GetEndpoint(ResourceNames.Copy(service, copy), "http").Port)];

    /// <summary>How many requests the gateway has forwarded to each copy of <paramref name="service"/> so far.</summary>
    public IReadOnlyList<int> ForwardedTo(string service) =>
        [.. PortsOf(service).Select(port => _forwardedToPort.GetValueOrDefault(port))];

    public override async Task DisposeAsync()
    {
        await _stopWatching.CancelAsync();
        await _watching;
        _stopWatching.Dispose();
        await base.DisposeAsync();
    }

    [GeneratedRegex(@"Proxying to http://[^/\s]+:(?<port>\d+)/")]
    private static partial Regex ProxyingTo();
}

/// <summary>
/// The replicated platform's tests run on a platform of their own, after the other collections and alone:
/// twenty services beside the shared platform's ten would slow every test on the machine's cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicasCollection : ICollectionFixture<ReplicatedPlatformFixture>
{
    public const string Name = "Replicas";
}
