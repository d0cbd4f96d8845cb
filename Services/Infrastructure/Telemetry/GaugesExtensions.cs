using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ProposalPlatform.Infrastructure.Telemetry;

public static class GaugesExtensions
{
    /// <summary>
    /// Registers a class whose constructor creates observable instruments on the service's meter, and
    /// creates it at start: nothing else asks for it, and its instruments exist only once it does.
    /// </summary>
    public static IServiceCollection AddGauges<TGauges>(this IServiceCollection services) where TGauges : class
    {
        services.AddSingleton<TGauges>();
        services.AddHostedService<GaugesActivation<TGauges>>();
        return services;
    }

    private sealed class GaugesActivation<TGauges>(TGauges gauges) : IHostedService where TGauges : class
    {
        // held so that the instruments live as long as the host
        private readonly TGauges _gauges = gauges;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
