namespace ProposalPlatform.Contracts.Identity;

/// <summary>
/// A person was created or changed (e-mail address, disabled, enabled): what the notifications service
/// needs to mail a unit's people. The newest <paramref name="ChangedAt"/> wins.
/// </summary>
/// <param name="Email">The person's work e-mail address, if the office gave one.</param>
public record PersonChanged(
    string PersonId,
    string UnitCode,
    string DisplayName,
    string? Email,
    IReadOnlyList<string> Roles,
    bool Disabled,
    DateTimeOffset ChangedAt);
