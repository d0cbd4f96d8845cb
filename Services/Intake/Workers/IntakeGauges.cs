using System.Diagnostics.Metrics;
using Dapper;
using Npgsql;
using ProposalPlatform.Infrastructure.Telemetry;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Workers;

/// <summary>
/// The batches being taken in and the items by stage, each read by one query at most every
/// <see cref="PlatformMeter.GaugeMaxAge"/>. The stages are counted over the whole table (one narrow
/// scan of a session's few thousand rows); a stage with no item reports 0.
/// </summary>
public sealed class IntakeGauges
{
    public const string BatchesName = "proposalplatform.batches.in_progress";
    public const string StagesName = "proposalplatform.items.by_stage";
    public const string StageTag = "proposalplatform.item.stage";

    public static readonly string BatchesQuery = $"SELECT count(*) FROM intake_batches WHERE status = {(short)BatchStatus.Processing}";
    public const string StagesQuery = "SELECT stage AS Stage, count(*) AS Items FROM proposals GROUP BY stage";

    public IntakeGauges(PlatformMeter meter, NpgsqlDataSource dataSource)
    {
        var batches = meter.QueryReading<long>("the batches in progress", dataSource, BatchesQuery);
        var stages = meter.Reading("the items by stage", token => ReadStagesAsync(dataSource, token));
        meter.Meter.CreateObservableGauge(BatchesName, () => batches.Measure(b => b), "{batch}",
            "Batches from the assigning office being taken in (an upload is working on them, or one was interrupted and not yet swept).");
        meter.Meter.CreateObservableGauge(StagesName, () => stages.Current() is { } s ? Measurements(s.Value!) : [], "{item}",
            "Items by the stage of their current round of handling.");
    }

    public static async Task<IReadOnlyDictionary<ProposalStage, long>> ReadStagesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StageCount>(new CommandDefinition(StagesQuery, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => (ProposalStage)r.Stage, r => r.Items);
    }

    /// <summary>One measurement per stage, tagged with its name; the stages with no item as 0.</summary>
    public static IEnumerable<Measurement<long>> Measurements(IReadOnlyDictionary<ProposalStage, long> items) =>
        Enum.GetValues<ProposalStage>().Select(stage => new Measurement<long>(
            items.GetValueOrDefault(stage), new KeyValuePair<string, object?>(StageTag, stage.ToString())));

    private sealed record StageCount(short Stage, long Items);
}
