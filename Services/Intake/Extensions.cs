using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure;
using ProposalPlatform.Intake.Data;

namespace ProposalPlatform.Intake.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformInfrastructure(ResourceNames.Intake, ResourceNames.IntakeDatabase, typeof(Extensions).Assembly);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ProposalRepository>();
        return builder;
    }
}
