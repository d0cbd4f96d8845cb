using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Telemetry;
using ProposalPlatform.Notifications.Data;
using ProposalPlatform.Notifications.Mail;

namespace ProposalPlatform.Notifications.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformInfrastructure(ResourceNames.Notifications, ResourceNames.NotificationsDatabase, typeof(Extensions).Assembly);
        builder.AddPlatformAuthorization();
        builder.Services.AddOptions<NotificationsOptions>()
            .BindConfiguration(NotificationsOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.DigestScanInterval > TimeSpan.Zero && o.ItemFactsWait >= TimeSpan.Zero, "Notifications:DigestScanInterval must be positive and ItemFactsWait not negative.")
            .Validate(o => o.RetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay, "Notifications:RetryDelay must be positive and MaxRetryDelay no shorter.")
            .ValidateOnStart();
        builder.Services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Timeout > TimeSpan.Zero, "Mail:Timeout must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<NoticeReadModel>();
        builder.Services.AddSingleton<SmtpMailTransport>();
        // after the migrator (registered above): the first scan finds the schema in place
        builder.Services.AddHostedService<DigestMailer>();
        builder.Services.AddGauges<MailGauges>();
        return builder;
    }
}
