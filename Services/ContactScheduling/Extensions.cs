using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure;

namespace ProposalPlatform.ContactScheduling.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformInfrastructure(ResourceNames.ContactScheduling, ResourceNames.ContactSchedulingDatabase, typeof(Extensions).Assembly);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ContactRepository>();
        return builder;
    }
}
