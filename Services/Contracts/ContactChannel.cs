namespace ProposalPlatform.Contracts;

/// <summary>How a handling unit communicates with the submitter before replying.</summary>
public enum ContactChannel
{
    Phone = 1,
    Video = 2,
    /// <summary>The unit goes out to the submitter (走出去).</summary>
    Visit = 3,
    /// <summary>The submitter is invited to the body (请进来).</summary>
    Meeting = 4,
    /// <summary>The customs district where the submitter lives visits on the unit's behalf.</summary>
    EntrustedVisit = 5,
}
