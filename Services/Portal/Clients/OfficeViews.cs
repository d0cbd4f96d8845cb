namespace ProposalPlatform.Portal.Clients;

/// <summary>The parts of assignment's, audit's and identity's answers the office's oversight and administration pages read.</summary>
public sealed record DeadlineRow(string DeadlineId, Guid ProposalId, string Kind, string UnitCode, string UnitName, string Title, DateTimeOffset DueAt);

public sealed record AuditRecordView(
    long Seq, Guid RecordId, DateTimeOffset At, DateTimeOffset RecordedAt, string Service, string Operation, string Outcome, int Status,
    string ActorId, string ActorName, string? ActorUnit, IReadOnlyList<string> ActorRoles, string? Resource, Guid? ItemId, string? Summary,
    string? TraceId, string PreviousHash, string Hash);

public sealed record AuditPage(int Page, int PageSize, long Total, IReadOnlyList<AuditRecordView> Records);

public sealed record ChainVerification(bool Verified, long RecordsChecked, long LastSeq, long? BrokenAt, string? Problem);

public sealed record PlaceView(string Province, string? City);

public sealed record UnitView(string Code, string Name, string Kind, IReadOnlyList<PlaceView> Coverage);

public sealed record RoutingRule(string Keyword, string UnitCode, int Priority, IReadOnlyList<string>? CoUnitCodes, int Id);

public sealed record RoutingMove(
    Guid ProposalId, string Title, string Topic, string FromUnitCode, string ToUnitCode, IReadOnlyList<string> ToCoUnitCodes, string? MatchedKeyword, bool ManuallyAssigned);

public sealed record DryRunResult(int Examined, int Moving, IReadOnlyList<RoutingMove> Moves);

public sealed record PersonView(
    string Id, string UserName, string DisplayName, string UnitCode, IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool Disabled,
    DateTimeOffset? LockedOutUntil, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? DisabledAt, string? DisabledBy, string? Email = null);

public sealed record CreatedPersonView(
    string Id, string UserName, string DisplayName, string UnitCode, IReadOnlyList<string> Roles, string InitialPassword,
    string? AuthenticatorKey, string? AuthenticatorUri, IReadOnlyList<string>? RecoveryCodes);

public sealed record PasswordResetView(string Id, string UserName, string NewPassword);

public sealed record ClientView(
    string ClientId, string DisplayName, string ClientType, string UnitCode, IReadOnlyList<string> Roles, bool Revoked,
    DateTimeOffset? CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy);

public sealed record CreatedClientView(string ClientId, string ClientSecret, string DisplayName, string UnitCode, IReadOnlyList<string> Roles);

public sealed record ClientRevocationView(ClientView Client, string Detail);

/// <summary>A secret shown once (a password, a key, a client's secret): what it is and its value.</summary>
public sealed record OneTimeSecret(string Label, string Value);

/// <summary>Where the rules in force send an item: its lead unit and co-handlers, and the keyword that matched (null: the office assigns it by hand).</summary>
public sealed record Routing(string LeadUnitCode, IReadOnlyList<string> CoUnitCodes, string? Keyword);
