using ProposalPlatform.Assignment.Application;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Scheduling;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Telemetry;

namespace ProposalPlatform.Assignment.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformInfrastructure(ResourceNames.Assignment, ResourceNames.AssignmentDatabase, typeof(Extensions).Assembly);
        builder.AddPlatformAuthorization();
        builder.Services.AddUseCases(typeof(Extensions).Assembly);
        builder.Services.AddOptions<AssignmentOptions>()
            .BindConfiguration(AssignmentOptions.Section)
            .Validate(o => o.ReturnWindow.IsValid, $"Assignment:ReturnWindow:Suggestion and :Proposal each count 1 to {Domain.DayCountRule.MaxDays} days, as CalendarDays or WorkingDays.")
            .Validate(o => o.WarningDays.All(days => days is >= 1 and <= 366), "Assignment:DeadlineWarningDays are 1 to 366 days each.")
            .Validate(o => o.DeadlineScanInterval > TimeSpan.Zero && o.DeadlineScanBatchSize > 0, "Assignment:DeadlineScanInterval and DeadlineScanBatchSize must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<AssignmentRepository>();
        builder.Services.AddSingleton<UnitRepository>();
        builder.Services.AddSingleton<RuleRepository>();
        builder.Services.AddSingleton<DeadlineRepository>();
        builder.Services.AddSingleton<CalendarRepository>();
        builder.Services.AddSingleton<ReturnWindows>();
        // after the migrator (registered above): the first scan finds the schema in place
        builder.Services.AddHostedService<DeadlineScheduler>();
        builder.Services.AddGauges<DeadlineGauges>();
        return builder;
    }
}
