namespace ProposalPlatform.Contracts.Reply;

/// <summary>A new version of the lead unit's draft reply was saved.</summary>
public record ReplyDrafted(Guid ProposalId, int Round, int Version, string By, DateTimeOffset At);
