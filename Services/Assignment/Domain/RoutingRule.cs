namespace ProposalPlatform.Assignment.Domain;

/// <summary>An item whose topic contains <see cref="Keyword"/> goes to <see cref="UnitCode"/>; lower priority wins.</summary>
public sealed record RoutingRule(string Keyword, string UnitCode, int Priority);
