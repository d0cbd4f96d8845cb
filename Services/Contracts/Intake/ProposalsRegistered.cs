namespace ProposalPlatform.Contracts.Intake;

/// <summary>
/// Many items were taken in together (a chunk of the assigning office's batch): the same as one
/// <see cref="ProposalRegistered"/> per item, in one message. A session is about 15,000 items, and
/// one message per item would cost the broker and every subscriber more than the work itself.
/// Subscribers to <see cref="ProposalRegistered"/> subscribe to this too.
/// </summary>
/// <param name="BatchId">Intake's id of the batch the items came in.</param>
public record ProposalsRegistered(Guid BatchId, string BatchReference, IReadOnlyList<ProposalRegistered> Proposals);
