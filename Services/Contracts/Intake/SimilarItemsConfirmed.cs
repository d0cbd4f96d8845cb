namespace ProposalPlatform.Contracts.Intake;

/// <summary>
/// The proposal office confirmed that two items have the same content and are handled together
/// (并案). Confirmed pairs that share an item form one merged group.
/// </summary>
public record SimilarItemsConfirmed(Guid PairId, Guid FirstProposalId, Guid SecondProposalId, string By, DateTimeOffset ConfirmedAt);
