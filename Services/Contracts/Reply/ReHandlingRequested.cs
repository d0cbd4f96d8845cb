namespace ProposalPlatform.Contracts.Reply;

/// <summary>The submitter was dissatisfied with the reply of <paramref name="Round"/>: the item is handled again.</summary>
public record ReHandlingRequested(Guid ProposalId, int Round, string Reason, DateTimeOffset At);
