using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Infrastructure.PersonalData;
using ProposalPlatform.Infrastructure.Telemetry;
using ProposalPlatform.Intake.Apis;
using ProposalPlatform.Intake.Consumers;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Data.Migrations;
using ProposalPlatform.Intake.Workers;

namespace ProposalPlatform.Intake.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformInfrastructure(ResourceNames.Intake, ResourceNames.IntakeDatabase, typeof(Extensions).Assembly);
        builder.AddPlatformAuthorization();
        builder.Services.AddUseCases(typeof(Extensions).Assembly);
        // the item's story is reporting's: these queues no longer receive what only told it
        builder.Services.AddRetiredSubscription<ItemStoryConsumer>(ItemStoryConsumer.Retired);
        builder.Services.AddRetiredSubscription<DeadlineExtendedConsumer>(typeof(DeadlineExtended));
        builder.Services.AddRetiredSubscription<DeadlineMissedConsumer>(typeof(DeadlineMissed));
        builder.AddPersonalDataCipher();
        builder.Services.AddSingleton<ContactSeal>();
        builder.Services.AddSingleton<BatchUploadSeal>();
        builder.Services.AddSingleton<ICodeMigration, SealContactDetails>();
        builder.Services.AddSingleton<ProposalRepository>();
        builder.Services.AddSingleton<BatchRepository>();
        builder.Services.AddSingleton<SimilarityRepository>();
        builder.Services.AddSingleton<BatchIntake>();
        builder.Services.AddSingleton<IndexingSignal>();
        builder.Services.AddOptions<SimilarityOptions>().BindConfiguration("Intake:Similarity");
        builder.Services.AddHostedService<IndexingWorker>();
        builder.Services.AddOptions<BatchOptions>().BindConfiguration(BatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<BatchResumer>();
        builder.Services.AddGauges<IntakeGauges>();
        return builder;
    }
}
