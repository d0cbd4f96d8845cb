using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProposalPlatform.Infrastructure.Messaging;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Infrastructure.Audit;

public static class AuditExtensions
{
    /// <summary>
    /// The process's part of the audit trail: its accepted writes are recorded by the write path in their
    /// own transactions; its refusals (and what else it records outside a transaction) by <see cref="AuditRecorder"/> through <typeparamref name="TSink"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAuditTrail<TSink>(this IHostApplicationBuilder builder, string service)
        where TSink : class, IAuditSink
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(new AuditSource(service));
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<IAuditSink, TSink>();
        builder.Services.AddSingleton<AuditRecorder>();
        builder.Services.AddSingleton<ISecurityAudit>(sp => sp.GetRequiredService<AuditRecorder>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditRecorder>());
        return builder;
    }

    /// <summary>
    /// The audit trail of a process without a database (the gateway): its entries are published straight
    /// to the broker. The process does not wait for the
    /// broker to start, nor is it unhealthy while the broker is away; its entries wait in memory meanwhile.
    /// </summary>
    public static IHostApplicationBuilder AddAuditTrailOverBroker(this IHostApplicationBuilder builder, string service)
    {
        builder.AddPlatformMessaging(service, consumersAssembly: null, waitForBroker: false);
        return builder.AddAuditTrail<BusAuditSink>(service);
    }
}
