namespace ProposalPlatform.Intake.Domain;

/// <summary>
/// How far an item has come. Events from the other services can arrive in any order, so an item's
/// stage only ever moves forward: the furthest step reported is its stage.
/// </summary>
public enum ProposalStage
{
    Registered = 1,
    Assigned = 2,
    ContactCompleted = 3,
    Replied = 4,

    /// <summary>
    /// Sent back to the assigning office as outside the body's remit: the item's handling ends here.
    /// Kept above every stage of handling (add new ones below it), so that however late the other
    /// services' events arrive, a returned item stays Returned.
    /// </summary>
    Returned = 100,
}
