namespace ProposalPlatform.Intake.Domain;

/// <summary>What intake does with a batch it finds in processing with nobody working on it.</summary>
public enum BatchResumeDecision
{
    /// <summary>Take it up again from its saved copy, after its last committed chunk.</summary>
    Resume,

    /// <summary>It was interrupted too often: something in it, or about it, keeps stopping intake.</summary>
    FailInterruptedTooOften,

    /// <summary>No copy of it was kept (intake stopped before it had saved one): only its client can send it again.</summary>
    FailNoCopy,
}

/// <summary>
/// The rules of finishing an interrupted batch without its client: intake keeps a sealed copy of the
/// upload while the batch is taken in, and whoever finds the batch in processing with its lock free
/// (the upload that held it is gone) takes it up again from that copy, at most
/// <see cref="MaxAttempts"/> times in all.
/// </summary>
public static class BatchResume
{
    /// <summary>Attempts a batch gets (its upload the first) before a further interruption fails it.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The size of each sealed part of a saved (compressed) copy: small enough for one row, large enough to be few.</summary>
    public const int PartSize = 1024 * 1024;

    /// <summary>Why intake stopped part-way when it died with no word (a crash, kill -9): seen by whoever takes the batch up again.</summary>
    public static string CrashReason => BatchFailure.Abandoned.Reason;

    public static BatchResumeDecision Decide(int attempts, bool hasCopy) =>
        !hasCopy ? BatchResumeDecision.FailNoCopy
        : attempts >= MaxAttempts ? BatchResumeDecision.FailInterruptedTooOften
        : BatchResumeDecision.Resume;

    /// <summary>The failure reason of a batch that cannot be finished without its client.</summary>
    public static string FailureReason(BatchResumeDecision decision, int attempts) => decision switch
    {
        BatchResumeDecision.FailNoCopy =>
            "The intake service stopped before it had kept a copy of the batch, so it cannot finish it by itself.",
        BatchResumeDecision.FailInterruptedTooOften =>
            $"The batch was interrupted {attempts} times; intake does not take it up again by itself.",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "A batch that resumes has not failed."),
    };

    /// <summary>A saved copy that does not open, or is not the batch's content.</summary>
    public const string CopyUnusableReason = "The copy intake kept of the batch could not be read back, so it cannot finish it by itself.";

    /// <summary>
    /// What the client of a batch that stopped for a passing reason is told: what was kept, and that
    /// intake finishes the batch by itself from the copy it kept, so the same batch need not be sent again.
    /// </summary>
    public static string InterruptedDetail(string reason, Guid batchId, int keptThroughLine, int rowsProcessed, int accepted, int alreadyKnown, int rejected) =>
        (rowsProcessed == 0
            ? $"No row of the batch was stored yet: {reason} "
            : $"The rows through line {keptThroughLine} were kept ({rowsProcessed} rows: {accepted} items accepted, {alreadyKnown} already known, {rejected} rejected): {reason} ")
        + $"Intake kept a copy of the batch and takes in the rest by itself, nothing twice: follow it at {BatchUrl(batchId)}; there is no need to post it again.";

    /// <summary>Where a batch is followed.</summary>
    public static string BatchUrl(Guid batchId) => $"/api/intake/batches/{batchId}";
}
