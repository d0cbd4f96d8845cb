using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProposalPlatform.AppHost.SelfHealing;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>What the tests of restarts read of a platform's resources: their states, health, processes and the restart policy's properties.</summary>
public sealed class ResourceStates(DistributedApplication app)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private ResourceNotificationService Notifications => app.ResourceNotifications;

    /// <summary>The service's own process: the one below the <c>dotnet run</c> that the orchestrator started.</summary>
    public static int ServiceProcess(CustomResourceSnapshot project)
    {
        var assembly = Path.GetFileNameWithoutExtension((string)Property(project, "project.path")!);
        var below = ProcessTree.Descendants(Pid(project)).ToList();
        var service = below.Where(pid => ProcessTree.CommandLine(pid) is var line && line.Contains(assembly, StringComparison.Ordinal) && !line.Contains(".csproj", StringComparison.Ordinal)).ToList();
        Assert.True(service.Count == 1, $"one process of {assembly} below {Pid(project)}; found: {string.Join("; ", below.Select(pid => $"{pid} {ProcessTree.CommandLine(pid)}"))}");
        return service[0];
    }

    public async Task EveryServiceHealthyAsync()
    {
        foreach (var service in app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>())
        {
            await HealthyAsync(service.Name);
        }
    }

    public Task<CustomResourceSnapshot> HealthyAsync(string resource, Func<CustomResourceSnapshot, bool>? and = null) =>
        UntilAsync(
            resource,
            snapshot => snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy && (and?.Invoke(snapshot) ?? true),
            $"{resource} to be running and healthy");

    public async Task<CustomResourceSnapshot> UntilAsync(string resource, Func<CustomResourceSnapshot, bool> done, string what)
    {
        CustomResourceSnapshot? last = null;
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            var update = await Notifications.WaitForResourceAsync(resource, update => done(last = update.Snapshot), deadline.Token);
            return update.Snapshot;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Timed out after {Deadline.TotalSeconds} s waiting for {what}; last seen: {last?.State?.Text}, health {last?.HealthStatus}, "
                + $"exit code {last?.ExitCode}, {RestartPolicy.StateProperty} {(last is null ? null : Property(last, RestartPolicy.StateProperty))}");
        }
    }

    public static int Restarts(CustomResourceSnapshot snapshot) =>
        Property(snapshot, RestartPolicy.CountProperty) is { } count ? Convert.ToInt32(count, CultureInfo.InvariantCulture) : 0;

    public static int Pid(CustomResourceSnapshot snapshot) =>
        Convert.ToInt32(Property(snapshot, "executable.pid"), CultureInfo.InvariantCulture);

    public static object? Property(CustomResourceSnapshot snapshot, string name) =>
        snapshot.Properties.FirstOrDefault(property => property.Name == name)?.Value;
}
