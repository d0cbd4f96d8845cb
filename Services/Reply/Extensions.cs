using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.Reply.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformInfrastructure(ResourceNames.Reply, ResourceNames.ReplyDatabase, typeof(Extensions).Assembly);
        builder.Services.AddSingleton<ReplyReadModel>();
        return builder;
    }
}
