namespace ProposalPlatform.Contracts;

/// <summary>How this body takes part in handling an item.</summary>
public enum HandlingMode
{
    /// <summary>主办: writes the one consolidated reply and copies the co-handlers.</summary>
    Lead = 1,
    /// <summary>协办/会办: sends a written opinion to the lead body; does not reply to the submitter.</summary>
    CoHandling = 2,
    /// <summary>分办: each body replies on its own part.</summary>
    Separate = 3,
    /// <summary>独办: one body handles and replies.</summary>
    Sole = 4,
}
