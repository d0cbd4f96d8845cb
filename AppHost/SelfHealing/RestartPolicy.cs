using System.Collections.Immutable;
using System.Globalization;
using System.Threading.Channels;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace ProposalPlatform.AppHost.SelfHealing;

/// <summary>
/// Aspire starts every project and executable once and leaves one that dies as it is ("Finished" in the
/// dashboard). This starts again every project and executable (the services, the gateway, the portal, the
/// local broker, database and mail server) that ends without having been asked to, whatever its exit code:
/// each of them is meant to run until it is stopped. It waits before each restart, about 1 s, 2 s, 4 s …
/// up to 30 s with jitter (Polly's exponential backoff), and from 1 s again once the resource has run
/// healthily for a minute. What the operator stops (the dashboard's or <see cref="ResourceCommandService"/>'s
/// stop, restart and rebuild commands) stays as the operator left it: those commands take the resource
/// through the <c>Stopping</c> state, which a crash never passes. Every restart is logged in the resource's
/// own console log, and its count and state are properties of the resource (<see cref="CountProperty"/>,
/// <see cref="StateProperty"/>) in the dashboard's details.
/// </summary>
public sealed partial class RestartPolicy(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLoggers,
    IOptions<RestartOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<RestartPolicy> logger) : BackgroundService
{
    /// <summary>How often the resource was started again.</summary>
    public const string CountProperty = "restart.count";

    /// <summary>What the policy did last: restarting, restarted, or left stopped as asked.</summary>
    public const string StateProperty = "restart.state";

    private readonly RestartOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            LogOff(logger);
            return;
        }

        // nothing is started again once the AppHost is stopping (it stops every resource itself)
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        var watched = new Dictionary<string, Watched>();
        var healing = new List<Task>();
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping.Token))
            {
                if (update.Resource is not (ProjectResource or ExecutableResource))
                {
                    continue;
                }

                if (!watched.TryGetValue(update.ResourceId, out var resource))
                {
                    resource = new Watched(update.Resource, update.ResourceId, update.Snapshot);
                    watched.Add(update.ResourceId, resource);
                    healing.Add(HealAsync(resource, stopping.Token));
                }

                resource.Updates.Writer.TryWrite(update.Snapshot);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        await Task.WhenAll(healing);
    }

    /// <summary>Watches one resource's runs for as long as the AppHost runs, and starts it again after each that ended unasked.</summary>
    private async Task HealAsync(Watched resource, CancellationToken cancellationToken)
    {
        var pipeline = Backoff(resource);
        var leftStopped = false;
        try
        {
            while (true)
            {
                await resource.UntilStartedAsync(cancellationToken);
                if (leftStopped)
                {
                    leftStopped = false;
                    await PublishAsync(resource, "started by a command");
                }

                // the first attempt is the run under way; each further one starts it again, after the backoff's wait
                var attempt = 0;
                var run = await pipeline.ExecuteAsync(
                    async token => attempt++ == 0 ? await resource.UntilRunEndsAsync(_options.HealthyFor, token) : await StartAgainAsync(resource, token),
                    cancellationToken);
                if (run.End == RunEnd.AskedFor)
                {
                    leftStopped = true;
                    LogLeftStopped(logger, resource.Id);
                    LogLeftStopped(resourceLoggers.GetLogger(resource.Id), resource.Id);
                    await PublishAsync(resource, "stopped by a command: left stopped");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Starts the resource again (unless someone already has) and watches the run that follows.</summary>
    private async ValueTask<Run> StartAgainAsync(Watched resource, CancellationToken cancellationToken)
    {
        resource.TakeWaitingUpdates();
        if (!Run.HasStarted(resource.Last.State?.Text))
        {
            if (!resource.Resource.Annotations.OfType<ResourceCommandAnnotation>().Any(command => command.Name == KnownResourceCommands.StartCommand))
            {
                return new Run(RunEnd.CannotStart);
            }

            resource.Restarts++;
            LogRestarting(logger, resource.Id, resource.Restarts);
            LogRestarting(resourceLoggers.GetLogger(resource.Id), resource.Id, resource.Restarts);
            await PublishAsync(resource, $"restarted at {DateTimeOffset.UtcNow:u}");
            var started = await commands.ExecuteCommandAsync(resource.Id, KnownResourceCommands.StartCommand, cancellationToken);
            if (!started.Success)
            {
                return new Run(RunEnd.Ended, $"the start command failed: {started.Message}");
            }
        }

        return await resource.UntilRunEndsAsync(_options.HealthyFor, cancellationToken);
    }

    private ResiliencePipeline<Run> Backoff(Watched resource) => new ResiliencePipelineBuilder<Run>()
        .AddRetry(new RetryStrategyOptions<Run>
        {
            ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome.Result is { End: RunEnd.Ended }
                || arguments.Outcome.Exception is not null && !arguments.Context.CancellationToken.IsCancellationRequested),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.FirstDelay,
            MaxDelay = _options.MaxDelay,
            MaxRetryAttempts = int.MaxValue,
            OnRetry = async arguments =>
            {
                var why = arguments.Outcome.Result?.Why ?? arguments.Outcome.Exception?.Message;
                var delay = arguments.RetryDelay.TotalSeconds;
                LogEnded(logger, resource.Id, why, delay);
                LogEnded(resourceLoggers.GetLogger(resource.Id), resource.Id, why, delay);
                await PublishAsync(resource, $"ended unasked ({why}): restarting in {delay:0.0} s");
            },
        })
        .Build();

    private Task PublishAsync(Watched resource, string state) =>
        notifications.PublishUpdateAsync(resource.Resource, resource.Id, snapshot => snapshot with
        {
            Properties = With(With(snapshot.Properties, StateProperty, state), CountProperty, resource.Restarts),
        });

    private static ImmutableArray<ResourcePropertySnapshot> With(ImmutableArray<ResourcePropertySnapshot> properties, string name, object value) =>
        [.. properties.Where(property => property.Name != name), new ResourcePropertySnapshot(name, value)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restart policy off (Platform:Restart:Enabled is false): a resource that dies stays down")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} ended without being asked to stop ({Why}); starting it again in {DelaySeconds:0.0} s")]
    private static partial void LogEnded(ILogger logger, string resource, string? why, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting {Resource} again (restart {Restarts})")]
    private static partial void LogRestarting(ILogger logger, string resource, int restarts);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource} was stopped by a command: it stays stopped until it is started")]
    private static partial void LogLeftStopped(ILogger logger, string resource);

    private enum RunEnd
    {
        /// <summary>It ran healthily long enough: the waits start from the first again.</summary>
        RanHealthy,
        /// <summary>A command stopped it.</summary>
        AskedFor,
        /// <summary>It ended by itself (crashed, was killed, exited, or failed to start).</summary>
        Ended,
        /// <summary>It has no start command (the dashboard's own process).</summary>
        CannotStart,
    }

    /// <summary>How a run ended, and for one that ended by itself, how (its state and exit code).</summary>
    private sealed record Run(RunEnd End, string? Why = null)
    {
        /// <summary>Waiting for what it waits for, starting, running or stopping: not (yet, or again) ended.</summary>
        public static bool HasStarted(string? state) =>
            !string.IsNullOrEmpty(state) && state != KnownResourceStates.NotStarted && state != "Unknown" && !HasEnded(state);

        public static bool HasEnded(string? state) => KnownResourceStates.TerminalStates.Contains(state);
    }

    /// <summary>One resource (one replica) and the updates of its snapshot, in order.</summary>
    private sealed class Watched(IResource resource, string id, CustomResourceSnapshot first)
    {
        public IResource Resource { get; } = resource;

        public string Id { get; } = id;

        public Channel<CustomResourceSnapshot> Updates { get; } =
            Channel.CreateUnbounded<CustomResourceSnapshot>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

        /// <summary>The latest update read.</summary>
        public CustomResourceSnapshot Last { get; private set; } = first;

        public int Restarts { get; set; }

        public async Task UntilStartedAsync(CancellationToken cancellationToken)
        {
            while (!Run.HasStarted(Last.State?.Text))
            {
                await NextAsync(Timeout.InfiniteTimeSpan, cancellationToken);
            }
        }

        /// <summary>
        /// Follows the run until it ends, or until it has been running and healthy for <paramref name="healthyFor"/>.
        /// Right after a start command the latest update is still of the run before: only an end after a start counts.
        /// </summary>
        public async Task<Run> UntilRunEndsAsync(TimeSpan healthyFor, CancellationToken cancellationToken)
        {
            var started = false;
            var askedToStop = false;
            DateTimeOffset? healthySince = null;
            while (true)
            {
                var state = Last.State?.Text;
                if (state == KnownResourceStates.Stopping)
                {
                    askedToStop = true;
                }

                if (Run.HasStarted(state))
                {
                    started = true;
                }
                else if (started && Run.HasEnded(state))
                {
                    return askedToStop
                        ? new Run(RunEnd.AskedFor)
                        : new Run(RunEnd.Ended, $"{state}, exit code {Last.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}");
                }

                healthySince = state == KnownResourceStates.Running && Last.HealthStatus is null or HealthStatus.Healthy
                    ? healthySince ?? DateTimeOffset.UtcNow
                    : null;
                var wait = Timeout.InfiniteTimeSpan;
                if (healthySince is { } since)
                {
                    wait = since + healthyFor - DateTimeOffset.UtcNow;
                    if (wait <= TimeSpan.Zero)
                    {
                        return new Run(RunEnd.RanHealthy);
                    }
                }

                await NextAsync(wait, cancellationToken);
            }
        }

        /// <summary>Reads what came while nobody read (the end before a restart, updates of the policy's own properties).</summary>
        public void TakeWaitingUpdates()
        {
            while (Updates.Reader.TryRead(out var update))
            {
                Last = update;
            }
        }

        private async Task NextAsync(TimeSpan wait, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(wait);
            try
            {
                Last = await Updates.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // no update within the wait: the caller looks again at the latest
            }
        }
    }
}
