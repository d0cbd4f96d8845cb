using System.Diagnostics.Metrics;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ProposalPlatform.Infrastructure.Telemetry;

/// <summary>
/// The service's own meter, <c>ProposalPlatform.&lt;service&gt;</c>: ServiceDefaults exports every
/// meter named <c>ProposalPlatform.*</c> to the dashboard. Instruments are named by OpenTelemetry's
/// conventions (<c>proposalplatform.…</c>, with a unit and a description).
/// </summary>
public sealed class PlatformMeter(IMeterFactory meters, TimeProvider clock, ILoggerFactory loggers, string serviceName)
{
    /// <summary>How long a gauge's value read from the database is reported before it is read again.</summary>
    public static readonly TimeSpan GaugeMaxAge = TimeSpan.FromSeconds(15);

    public static string NameFor(string serviceName) => $"ProposalPlatform.{serviceName}";

    public Meter Meter { get; } = meters.Create(NameFor(serviceName));

    /// <summary>The cached value that gauges report, read by <paramref name="read"/> at most every <see cref="GaugeMaxAge"/>.</summary>
    public CachedReading<T> Reading<T>(string what, Func<CancellationToken, Task<T>> read) =>
        new(what, read, GaugeMaxAge, clock, loggers.CreateLogger<PlatformMeter>());

    /// <summary>The cached row of one query, as <see cref="Reading{T}"/>; <paramref name="parameters"/> are taken at each read.</summary>
    public CachedReading<TRow> QueryReading<TRow>(string what, NpgsqlDataSource dataSource, string query, Func<object>? parameters = null) =>
        Reading(what, token => QuerySingleAsync<TRow>(dataSource, query, parameters?.Invoke(), token));

    public static async Task<TRow> QuerySingleAsync<TRow>(NpgsqlDataSource dataSource, string query, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<TRow>(new CommandDefinition(query, parameters, cancellationToken: cancellationToken));
    }
}
