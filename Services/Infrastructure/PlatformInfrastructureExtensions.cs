using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProposalPlatform.Infrastructure.Audit;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Hosting;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.Infrastructure.Outbox;
using ProposalPlatform.Infrastructure.Retention;
using ProposalPlatform.Infrastructure.Telemetry;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Infrastructure;

public static class PlatformInfrastructureExtensions
{
    /// <summary>
    /// The service's clock, its database (Aspire's Npgsql data source, migrated by DbUp at start), the
    /// bus, the outbox relay and the inbox, the service's meter with its outbox's gauges, and the service's part of the audit trail. The order of the hosted services matters: the schema exists before
    /// the bus consumes, and the bus has started before the relay publishes.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformInfrastructure(
        this IHostApplicationBuilder builder,
        string serviceName,
        string databaseName,
        Assembly serviceAssembly,
        bool waitForBroker = true)
    {
        DateTimeOffsetHandler.Register();
        DateOnlyHandler.Register();
        builder.AddPlatformClock();
        builder.AddNpgsqlDataSource(databaseName, configureDataSourceBuilder: dataSource =>
        {
            // Every item passes the same few statements many times: prepared once per connection,
            // PostgreSQL no longer parses and plans them each time.
            dataSource.ConnectionStringBuilder.MaxAutoPrepare = 64;
            dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            // No service keeps state in a session (no SET, no LISTEN, no temporary tables), so a
            // connection returned to the pool need not be reset: one round trip less each time.
            dataSource.ConnectionStringBuilder.NoResetOnClose = true;
        });
        // the configured strings: the data source's own has its password removed
        var migrations = MigrationConnection.For(builder.Configuration, databaseName);
        builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<DatabaseMigrator>(sp, migrations, serviceAssembly));

        builder.Services.AddSingleton<IDependencyFaults, PlatformDependencyFaults>();
        builder.AddPlatformMessaging(serviceName, serviceAssembly, waitForBroker);

        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<PlatformDatabase>();
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PlatformMeter>(sp, serviceName));
        builder.Services.AddGauges<OutboxGauges>();
        builder.Services.AddGauges<ErrorQueueGauges>();

        builder.AddAuditTrail<OutboxAuditSink>(serviceName);

        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MessageRetention>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MessageRetention>());
        return builder;
    }
}
