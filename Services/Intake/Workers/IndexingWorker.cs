using Microsoft.Extensions.Options;
using OpenTelemetry;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Workers;

/// <summary>
/// Indexes newly registered (and corrected) items in the background, in chunks, so that batch
/// intake does not wait for it: the search bigrams, the similarity bands, and the pairs of items of
/// the same session whose content is nearly the same (candidates for merged handling). Items are
/// taken with <c>FOR UPDATE SKIP LOCKED</c>, so several instances share the work, and each searches a
/// session year's similar items under that year's lock (<see cref="SimilarityRepository.LockSessionYearsAsync"/>). Indexing a whole
/// session costs more than taking it in and assigning it: the worker waits until a burst has passed
/// (or <see cref="SimilarityOptions.MaxDeferral"/>), then works until it has caught up.
/// </summary>
public sealed partial class IndexingWorker(
    PlatformDatabase database,
    IndexingSignal signal,
    IOptions<SimilarityOptions> options,
    TimeProvider clock,
    ILogger<IndexingWorker> logger) : BackgroundService
{
    private readonly SimilarityOptions _options = options.Value;
    private bool _searchIndexToMerge = true; // a start may follow a stop that left entries pending

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        signal.RunChunksAsync(IndexWhenQuietAsync, _options.ChunkSize, _options.PollInterval, ex => LogChunkFailed(logger, ex), stoppingToken);

    private async Task<int> IndexWhenQuietAsync(CancellationToken cancellationToken)
    {
        // The worker looks for items every poll interval: traced, each look was a root trace in the
        // dashboard every two seconds. What it does concerns no request.
        using var untraced = SuppressInstrumentationScope.Begin();

        // every chunk, not only the first: a chunk indexed in a pause must not let the rest run into the next burst
        var mayDefer = await signal.HoldOffWhileBusyAsync(_options.QuietPeriod, _options.MaxDeferral, cancellationToken);

        var started = clock.GetTimestamp();
        var indexed = 0;
        if (!mayDefer)
        {
            indexed = await IndexChunkAsync(cancellationToken);
        }
        else if (!await signal.RunUntilBusyAsync(async token => indexed = await IndexChunkAsync(token), cancellationToken))
        {
            // a chunk begun in a pause takes about a second of a core: it is rolled back if items come
            // in meanwhile, and indexed again when intake is quiet (or the deferral is spent)
            LogChunkGaveWay(logger);
            return 0;
        }

        _searchIndexToMerge |= indexed > 0;
        if (indexed < _options.ChunkSize)
        {
            signal.CaughtUp();
            if (_searchIndexToMerge && !await signal.RunUntilBusyAsync(MergeSearchIndexAsync, cancellationToken))
            {
                // a merge takes seconds of a core: it gives way to items coming in, and what it merged stays merged
                LogMergeGaveWay(logger);
            }
        }
        else if (signal.BusyWithin(_options.QuietPeriod))
        {
            // catching up while items keep coming: half the time at most, the rest is theirs
            await Task.Delay(clock.GetElapsedTime(started), clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return indexed;
    }

    /// <summary>Once caught up: what the chunks left in the search index's pending list goes into its tree.</summary>
    public async Task MergeSearchIndexAsync(CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        await SimilarityRepository.MergeSearchIndexAsync(work, cancellationToken);
        await work.CommitAsync(cancellationToken);
        _searchIndexToMerge = false;
    }

    public async Task<int> IndexChunkAsync(CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var items = await SimilarityRepository.TakeUnindexedAsync(work, _options.ChunkSize, cancellationToken);
        if (items.Count == 0)
        {
            return 0;
        }

        var grams = items.ToDictionary(i => i.Id, i => TextGrams.OfItem(i.Title, i.Text));
        var bands = items.ToDictionary(i => i.Id, i => string.Join(',', Similarity.BandKeys(grams[i.Id], i.SessionYear)));
        var now = clock.GetUtcNow();
        await SimilarityRepository.SaveIndexAsync(work, [.. items.Select(i => (i.Id, string.Join(',', grams[i.Id]), bands[i.Id]))], now, cancellationToken);

        // from here to the commit one worker at a time per session year, so that a pair split over two chunks is found
        await SimilarityRepository.LockSessionYearsAsync(work, items.Select(i => i.SessionYear), cancellationToken);
        var candidates = await SimilarityRepository.CandidatesAsync(
            work, [.. items.Select(i => (i.Id, i.SessionYear, bands[i.Id]))], _options.MaxCandidatesPerItem, cancellationToken);
        var years = items.ToDictionary(i => i.Id, i => i.SessionYear);
        var pairs = new Dictionary<(Guid, Guid), (Guid A, Guid B, int SessionYear, double Similarity)>();
        foreach (var candidate in candidates)
        {
            var key = candidate.ItemId.CompareTo(candidate.Id) < 0 ? (candidate.ItemId, candidate.Id) : (candidate.Id, candidate.ItemId);
            if (pairs.ContainsKey(key))
            {
                continue;
            }

            if (!grams.TryGetValue(candidate.Id, out var other))
            {
                other = TextGrams.OfItem(candidate.Title, candidate.Text);
                grams[candidate.Id] = other;
            }

            var similarity = Similarity.Jaccard(grams[candidate.ItemId], other);
            if (SimilarPairs.IsCandidate(similarity, _options.Threshold))
            {
                pairs[key] = (key.Item1, key.Item2, years[candidate.ItemId], similarity);
            }
        }

        await SimilarityRepository.SavePairsAsync(work, [.. items.Select(i => i.Id)], [.. pairs.Values], now, cancellationToken);
        await work.CommitAsync(cancellationToken);
        if (pairs.Count > 0)
        {
            LogPairsFound(logger, items.Count, pairs.Count);
        }

        return items.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Items} items; {Pairs} pairs of similar items are candidates for merged handling")]
    private static partial void LogPairsFound(ILogger logger, int items, int pairs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Indexing a chunk of items gave way to items coming in; it is indexed again when intake is quiet")]
    private static partial void LogChunkGaveWay(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Merging the search index's pending list gave way to items coming in; it goes on when intake is quiet")]
    private static partial void LogMergeGaveWay(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexing a chunk of items failed; retrying")]
    private static partial void LogChunkFailed(ILogger logger, Exception exception);
}
