namespace ProposalPlatform.Contracts.Assignment;

/// <summary>A co-handling unit sent its written opinion to the lead unit; the reply service attaches it to the lead's draft.</summary>
public record CoHandlingOpinionSubmitted(
    Guid ProposalId,
    string UnitCode,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    string Opinion = "");
