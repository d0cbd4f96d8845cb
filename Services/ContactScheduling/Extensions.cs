using ProposalPlatform.ContactScheduling.Clients;
using ProposalPlatform.ContactScheduling.Consumers;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Scheduling;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Infrastructure.Telemetry;

namespace ProposalPlatform.ContactScheduling.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformInfrastructure(ResourceNames.ContactScheduling, ResourceNames.ContactSchedulingDatabase, typeof(Extensions).Assembly);
        builder.AddPlatformAuthorization();
        builder.Services.AddUseCases(typeof(Extensions).Assembly);
        // the registration facts come with each assignment now: two fewer deliveries per item
        builder.Services.AddRetiredSubscription<ProposalRegisteredConsumer>(typeof(ProposalRegistered), typeof(ProposalsRegistered));
        builder.Services.AddOptions<ContactSchedulingOptions>()
            .BindConfiguration(ContactSchedulingOptions.Section)
            .Validate(o => o.ReminderDays >= 0, "ContactScheduling:ReminderDays cannot be negative.")
            .Validate(o => o.ReminderScanInterval > TimeSpan.Zero && o.ReminderScanBatchSize > 0, "ContactScheduling:ReminderScanInterval and ReminderScanBatchSize must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ContactRepository>();

        // Service discovery resolves the name and the standard resilience handler (retry, timeout, circuit
        // breaker) wraps the calls: ServiceDefaults adds both to every HttpClient, so neither is added twice here.
        builder.Services.AddHttpClient<AssignmentClient>(http => http.BaseAddress = new Uri($"http://{ResourceNames.Assignment}"))
            .AddHttpMessageHandler<CallerTokenForwarder>();

        // after the migrator (registered above): the first scan finds the schema in place
        builder.Services.AddHostedService<ContactReminder>();
        builder.Services.AddGauges<ContactGauges>();
        return builder;
    }
}
