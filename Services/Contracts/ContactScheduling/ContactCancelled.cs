namespace ProposalPlatform.Contracts.ContactScheduling;

/// <summary>A planned contact was called off.</summary>
public record ContactCancelled(Guid ProposalId, Guid ContactId, string Reason, string By, DateTimeOffset At);
