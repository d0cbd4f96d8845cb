namespace ProposalPlatform.Assignment.Domain;

/// <summary>A headquarters department or a customs district that handles items.</summary>
public sealed record HandlingUnit(string Code, string Name, string Kind);
