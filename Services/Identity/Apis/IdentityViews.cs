namespace ProposalPlatform.Identity.Apis;

/// <summary>A person as the administration API shows them: never a secret.</summary>
public sealed record PersonView(
    string Id,
    string UserName,
    string DisplayName,
    string UnitCode,
    IReadOnlyList<string> Roles,
    bool TwoFactorEnabled,
    bool Disabled,
    DateTimeOffset? LockedOutUntil,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? DisabledAt,
    string? DisabledBy,
    string? Email = null);

/// <summary>
/// A person just created, with what is shown this once and never again: the initial password, and
/// for a proposal office account the authenticator key, its otpauth:// URI and the recovery codes.
/// </summary>
public sealed record CreatedPersonView(
    string Id,
    string UserName,
    string DisplayName,
    string UnitCode,
    IReadOnlyList<string> Roles,
    string InitialPassword,
    string? AuthenticatorKey,
    string? AuthenticatorUri,
    IReadOnlyList<string>? RecoveryCodes,
    string? Email = null);

/// <summary>A person's e-mail address as the office sets it; null or left out removes it.</summary>
public sealed record PersonEmail(string? Email);

/// <summary>A new password, shown once.</summary>
public sealed record PasswordResetView(string Id, string UserName, string NewPassword);

public sealed record ClientView(
    string ClientId,
    string DisplayName,
    string ClientType,
    string UnitCode,
    IReadOnlyList<string> Roles,
    bool Revoked,
    DateTimeOffset? CreatedAt,
    string? CreatedBy,
    DateTimeOffset? RevokedAt,
    string? RevokedBy);

/// <summary>A client just created, with its secret, shown this once and never again.</summary>
public sealed record CreatedClientView(string ClientId, string ClientSecret, string DisplayName, string UnitCode, IReadOnlyList<string> Roles);

/// <summary>A revoked client and what the revocation means for the tokens it holds.</summary>
public sealed record ClientRevocationView(ClientView Client, string Detail);
