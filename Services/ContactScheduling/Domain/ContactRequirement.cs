using ProposalPlatform.Contracts;

namespace ProposalPlatform.ContactScheduling.Domain;

/// <summary>
/// Contact before reply: an item's contact is done for a round once a contact with its lead submitter,
/// in which they were reached, is recorded in that round. Each round (re-handling) needs its own.
/// </summary>
public static class ContactRequirement
{
    /// <summary>The submitter was actually reached.</summary>
    public static bool Reached(ContactOutcome outcome) =>
        outcome is ContactOutcome.ReachedAndAgreed or ContactOutcome.FaceToFaceRequested;

    /// <summary>
    /// Whether recording <paramref name="outcome"/> now completes the current round: reached, with the
    /// lead submitter, and the round not completed already (so ContactCompleted goes out once a round).
    /// </summary>
    public static bool CompletesRound(ContactOutcome outcome, bool withLeadSubmitter, bool roundAlreadyCompleted) =>
        Reached(outcome) && withLeadSubmitter && !roundAlreadyCompleted;
}
