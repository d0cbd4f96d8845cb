namespace ProposalPlatform.Contracts;

/// <summary>The steps a draft reply passes before it may be issued, in order.</summary>
public enum SignOffStep
{
    /// <summary>The handler submits the draft for sign-off.</summary>
    Handler = 1,
    /// <summary>The handling unit's head.</summary>
    UnitHead = 2,
    /// <summary>The proposal office at headquarters: key items only.</summary>
    ProposalOffice = 3,
}
