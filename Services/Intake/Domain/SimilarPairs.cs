namespace ProposalPlatform.Intake.Domain;

/// <summary>Where a pair of similar items stands with the office.</summary>
public enum SimilarPairStatus
{
    /// <summary>Found by similarity; the office has not decided.</summary>
    Candidate = 1,
    /// <summary>The office handles the two together (并案); each still gets its own reply.</summary>
    Confirmed = 2,
    /// <summary>The office decided they are different items.</summary>
    Dismissed = 3,
}

public static class SimilarPairs
{
    /// <summary>
    /// Whether the office may move a pair from <paramref name="current"/> to <paramref name="decision"/>:
    /// a candidate may be confirmed or dismissed; the same decision again changes nothing; a
    /// decision once taken is not reversed here (the error says why).
    /// </summary>
    public static (bool Allowed, bool Changes, string? Error) Decide(SimilarPairStatus current, SimilarPairStatus decision)
    {
        if (decision == SimilarPairStatus.Candidate)
        {
            return (false, false, "A pair can only be confirmed or dismissed.");
        }

        if (current == SimilarPairStatus.Candidate)
        {
            return (true, true, null);
        }

        return current == decision
            ? (true, false, null)
            : (false, false, $"The pair was already {current.ToString().ToLowerInvariant()}; that decision stands.");
    }

    /// <summary>The pairs worth showing the office: at or above the threshold.</summary>
    public static bool IsCandidate(double similarity, double threshold) => similarity >= threshold;
}
