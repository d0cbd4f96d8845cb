namespace ProposalPlatform.Contracts;

/// <summary>The submitter's answer to a reply, on its result and on the body's attitude.</summary>
public enum SatisfactionLevel
{
    Satisfied = 1,
    BasicallySatisfied = 2,
    Dissatisfied = 3,
}
