namespace ProposalPlatform.Contracts.Assignment;

/// <summary>Which clock a deadline event is about.</summary>
public enum DeadlineKind
{
    /// <summary>The reply to the submitter (3 months, at most 6 when extended; 1 for re-handling).</summary>
    Reply = 1,
    /// <summary>A co-handling unit's written opinion to the lead unit (1 month).</summary>
    CoHandlingOpinion = 2,
}
