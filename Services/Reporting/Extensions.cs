using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Reporting.Data;

namespace ProposalPlatform.Reporting.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformInfrastructure(ResourceNames.Reporting, ResourceNames.ReportingDatabase, typeof(Extensions).Assembly);
        builder.AddPlatformAuthorization();
        builder.Services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<EventLog>();
        builder.Services.AddSingleton<ReportingReadModel>();
        return builder;
    }
}
