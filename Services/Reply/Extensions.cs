using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Infrastructure.PersonalData;
using ProposalPlatform.Reply.Application;
using ProposalPlatform.Reply.Consumers;
using ProposalPlatform.Reply.Data;
using ProposalPlatform.Reply.Data.Migrations;
using ProposalPlatform.Reply.Letters;

namespace ProposalPlatform.Reply.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformInfrastructure(ResourceNames.Reply, ResourceNames.ReplyDatabase, typeof(Extensions).Assembly);
        builder.AddPlatformAuthorization();
        builder.Services.AddUseCases(typeof(Extensions).Assembly);
        // the registration facts come with each assignment now: two fewer deliveries per item
        builder.Services.AddRetiredSubscription<ProposalRegisteredConsumer>(typeof(ProposalRegistered), typeof(ProposalsRegistered));
        builder.Services.AddSingleton<ReplyReadModel>();
        builder.Services.AddSingleton<HandlingGroupReadModel>();
        builder.AddPersonalDataCipher();
        builder.Services.AddSingleton<SignatoryPhones>();
        builder.Services.AddSingleton<ICodeMigration, SealSignatoryPhones>();
        builder.Services.AddOptions<ReplyLetterOptions>().BindConfiguration(ReplyLetterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReplyLetterRenderer>();
        builder.Services.AddSingleton<ReplyLetters>();
        return builder;
    }
}
