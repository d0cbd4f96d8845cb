using System.Diagnostics;
using Dapper;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Reporting.Data;

/// <summary>What a rebuild did.</summary>
public sealed record RebuildResult(long Events, TimeSpan Took);

/// <summary>
/// Computes every view again from the event log: empties them and replays the log in its order,
/// through the same projection the consumer applies, in one transaction. A view added later, or one
/// whose projection was mended, so gets every event ever received. While it runs no event is appended
/// (the consumer waits for it); until it commits, readers see the views as they were.
/// </summary>
public sealed class EventLogRebuild(PlatformDatabase database, TimeProvider clock, ILogger<EventLogRebuild> logger)
{
    public const int PageSize = 500;

    /// <summary>The views, emptied before the replay; a new view is added here and to the projection.</summary>
    private const string Views =
        "items, item_co_handlers, item_reopenings, contacts, contact_completions, replies, feedback, rehandlings, merged_pairs, handling_groups, handling_group_items, story_steps";

    public async Task<RebuildResult> RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var work = await database.BeginAsync(cancellationToken);
        await work.Connection.ExecuteAsync(new CommandDefinition(
            $"SELECT pg_advisory_xact_lock({EventLog.ViewsLock}); TRUNCATE {Views}", transaction: work.Transaction, cancellationToken: cancellationToken));

        long events = 0, after = 0;
        while (true)
        {
            var page = await EventLog.ReadAsync(work.Connection, work.Transaction, after, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            await ViewProjection.ApplyAsync(work, page, cancellationToken);
            events += page.Count;
            after = page[^1].Seq;
        }

        await work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO view_rebuilds (rebuilt_at, events, took_ms) VALUES (@At, @events, @TookMs)",
            new { At = clock.GetUtcNow(), events, TookMs = watch.ElapsedMilliseconds }, work.Transaction, cancellationToken: cancellationToken));
        await work.CommitAsync(cancellationToken);
        logger.LogInformation("Rebuilt the reporting views from {Events} events of the log in {Took} ms", events, watch.ElapsedMilliseconds);
        return new RebuildResult(events, watch.Elapsed);
    }
}
