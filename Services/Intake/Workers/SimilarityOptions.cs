using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Workers;

/// <summary>Configuration section <c>Intake:Similarity</c>.</summary>
public sealed class SimilarityOptions
{
    /// <summary>Pairs at or above this Jaccard similarity of their character bigrams are candidates for merged handling.</summary>
    public double Threshold { get; set; } = Similarity.DefaultThreshold;

    /// <summary>Items indexed per transaction.</summary>
    public int ChunkSize { get; set; } = 200;

    /// <summary>At most this many candidates are compared per item (a bound for pathological sessions).</summary>
    public int MaxCandidatesPerItem { get; set; } = 200;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Indexing starts once intake has taken in and assigned nothing for this long.</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Indexing waits for quiet at most this long in all until it has caught up (chunks indexed in
    /// pauses between bursts included), then catches up even while items keep coming. A session's
    /// upload and the single items that follow it are over in well under this; a longer stream
    /// only delays search and similarity, never intake or assignment.
    /// </summary>
    public TimeSpan MaxDeferral { get; set; } = TimeSpan.FromMinutes(5);
}
