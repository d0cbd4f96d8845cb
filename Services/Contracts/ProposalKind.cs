namespace ProposalPlatform.Contracts;

/// <summary>A suggestion (建议) from NPC deputies or a proposal (提案) from CPPCC members.</summary>
public enum ProposalKind
{
    Suggestion = 1,
    Proposal = 2,
}
