namespace ProposalPlatform.Assignment.Domain;

/// <summary>
/// An item whose topic or a tag contains <see cref="Keyword"/> goes to <see cref="UnitCode"/> as lead,
/// with <see cref="CoUnitCodes"/> co-handling; lower priority wins.
/// </summary>
public sealed record RoutingRule(string Keyword, string UnitCode, int Priority, IReadOnlyList<string>? CoUnitCodes = null, int Id = 0);
