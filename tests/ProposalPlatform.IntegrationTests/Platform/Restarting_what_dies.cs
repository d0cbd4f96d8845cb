using System.Globalization;
using System.Net;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProposalPlatform.AppHost.SelfHealing;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The AppHost's restart policy: a service or the broker killed outright (SIGKILL, as in a crash) is
/// started again, healthy, and the platform answers as before; a service stopped by a command stays
/// stopped. Each test leaves the platform healthy for the rest of the collection.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Restarting_what_dies(PlatformFixture platform)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private ResourceNotificationService Notifications => platform.App.ResourceNotifications;

    [Fact]
    public async Task A_service_killed_outright_is_started_again_and_answers_through_the_gateway()
    {
        // Arrange
        var before = await HealthyAsync(ResourceNames.Intake);
        var service = ServiceProcess(before);

        // Act
        ProcessTree.Kill(service);

        // Assert
        var after = await HealthyAsync(ResourceNames.Intake, snapshot => Restarts(snapshot) > Restarts(before));
        Assert.NotEqual(Pid(before), Pid(after));
        using var answer = await Eventually.Until(
            () => platform.Gateway.GetAsync("/api/intake/proposals?pageSize=1"), response => response.StatusCode == HttpStatusCode.OK, "intake to answer through the gateway");
    }

    [Fact]
    public async Task The_broker_killed_outright_is_started_again_and_items_are_assigned_again()
    {
        // Arrange
        var before = await HealthyAsync(ResourceNames.Broker);
        var broker = ProcessTree.Descendants(Pid(before)).Single(pid => ProcessTree.Name(pid) == "beam.smp");

        // Act
        ProcessTree.Kill(broker);

        // Assert: the broker is back, and an item taken in by intake reaches assignment through it
        await HealthyAsync(ResourceNames.Broker, snapshot => Restarts(snapshot) > Restarts(before));
        await EveryServiceHealthyAsync();
        var id = (await platform.Gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        var assignment = await platform.Gateway.GetWhenPresentAsync($"/api/assignment/assignments/{id}");
        Assert.Equal(PlatformFixture.LeadUnit, assignment["unitCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_service_stopped_by_a_command_stays_stopped_until_it_is_started()
    {
        // Arrange
        var before = await HealthyAsync(ResourceNames.Reporting);
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();

        // Act
        var stopped = await commands.ExecuteCommandAsync(ResourceNames.Reporting, KnownResourceCommands.StopCommand);
        Assert.True(stopped.Success, stopped.Message);
        try
        {
            // Assert: the policy saw the stop for what it was, and started nothing
            var left = await UntilAsync(
                ResourceNames.Reporting,
                snapshot => Property(snapshot, RestartPolicy.StateProperty) is string state && state.StartsWith("stopped by a command", StringComparison.Ordinal),
                "the restart policy to leave reporting stopped");
            Assert.Contains(left.State?.Text, KnownResourceStates.TerminalStates);
            Assert.Equal(Restarts(before), Restarts(left));

            // and the gateway answers for it: 503 ProblemDetails with Retry-After, not a bare 502
            using var answer = await platform.Gateway.GetAsync("/api/reporting/statistics/annual?year=2005");
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), answer.Headers.RetryAfter?.Delta);
        }
        finally
        {
            var started = await commands.ExecuteCommandAsync(ResourceNames.Reporting, KnownResourceCommands.StartCommand);
            Assert.True(started.Success, started.Message);
        }

        var after = await HealthyAsync(ResourceNames.Reporting);
        Assert.Equal(Restarts(before), Restarts(after));
    }

    /// <summary>The service's own process: the one below the <c>dotnet run</c> that the orchestrator started.</summary>
    private static int ServiceProcess(CustomResourceSnapshot project)
    {
        var assembly = Path.GetFileNameWithoutExtension((string)Property(project, "project.path")!);
        var below = ProcessTree.Descendants(Pid(project)).ToList();
        var service = below.Where(pid => ProcessTree.CommandLine(pid) is var line && line.Contains(assembly, StringComparison.Ordinal) && !line.Contains(".csproj", StringComparison.Ordinal)).ToList();
        Assert.True(service.Count == 1, $"one process of {assembly} below {Pid(project)}; found: {string.Join("; ", below.Select(pid => $"{pid} {ProcessTree.CommandLine(pid)}"))}");
        return service[0];
    }

    private async Task EveryServiceHealthyAsync()
    {
        foreach (var service in platform.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>())
        {
            await HealthyAsync(service.Name);
        }
    }

    private Task<CustomResourceSnapshot> HealthyAsync(string resource, Func<CustomResourceSnapshot, bool>? and = null) =>
        UntilAsync(
            resource,
            snapshot => snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy && (and?.Invoke(snapshot) ?? true),
            $"{resource} to be running and healthy");

    private async Task<CustomResourceSnapshot> UntilAsync(string resource, Func<CustomResourceSnapshot, bool> done, string what)
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

    private static int Restarts(CustomResourceSnapshot snapshot) =>
        Property(snapshot, RestartPolicy.CountProperty) is { } count ? Convert.ToInt32(count, CultureInfo.InvariantCulture) : 0;

    private static int Pid(CustomResourceSnapshot snapshot) =>
        Convert.ToInt32(Property(snapshot, "executable.pid"), CultureInfo.InvariantCulture);

    private static object? Property(CustomResourceSnapshot snapshot, string name) =>
        snapshot.Properties.FirstOrDefault(property => property.Name == name)?.Value;
}
