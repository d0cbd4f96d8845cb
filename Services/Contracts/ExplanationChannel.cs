namespace ProposalPlatform.Contracts;

/// <summary>How a handling unit explained an item's progress to the submitter before its deadline was extended.</summary>
public enum ExplanationChannel
{
    Phone = 1,
    Video = 2,
    /// <summary>The unit went out to the submitter (走出去).</summary>
    Visit = 3,
    /// <summary>The submitter came to the body (请进来).</summary>
    Meeting = 4,
    /// <summary>A letter to the submitter (书面).</summary>
    Letter = 5,
}
