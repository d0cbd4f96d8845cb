using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure;

namespace ProposalPlatform.Assignment.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformInfrastructure(ResourceNames.Assignment, ResourceNames.AssignmentDatabase, typeof(Extensions).Assembly);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AssignmentRepository>();
        return builder;
    }
}
