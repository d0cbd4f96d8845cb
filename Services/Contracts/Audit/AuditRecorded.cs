namespace ProposalPlatform.Contracts.Audit;

/// <summary>
/// One entry of the audit trail: a write a service accepted (in the same transaction as the change), or
/// a refusal that matters for security (401, 403, 404 for a hidden item, a failed sign-in, a lockout).
/// The audit service appends it to the one append-only, hash-chained store. It names people and
/// clients by id and name only: never a submitter's contact details.
/// </summary>
/// <param name="RecordId">The entry's own id: the store keeps each once, however often it is delivered.</param>
/// <param name="At">When the write committed or the refusal was answered.</param>
/// <param name="Service">The service that accepted or refused.</param>
/// <param name="Operation">The operation, as the OpenAPI documents name it (their operationId).</param>
/// <param name="Outcome">One of <see cref="AuditOutcomes"/>.</param>
/// <param name="Status">The HTTP status of a refusal; 0 for an accepted write (answered once it has committed).</param>
/// <param name="ActorId">The person's or client's id (the token's subject); for an anonymous caller the address it came from.</param>
/// <param name="ActorName">The person's or client's name; empty for an anonymous caller.</param>
/// <param name="ActorUnit">The caller's unit code, when it has one.</param>
/// <param name="ActorRoles">The caller's roles.</param>
/// <param name="Resource">What the operation was on: the request's path.</param>
/// <param name="ItemId">The item concerned, when there is one.</param>
/// <param name="Summary">A short account of the change (old → new for the fields that changed), or of the refusal.</param>
/// <param name="TraceId">The trace of the request, to find it in the dashboard.</param>
public sealed record AuditRecorded(
    Guid RecordId,
    DateTimeOffset At,
    string Service,
    string Operation,
    string Outcome,
    int Status,
    string ActorId,
    string ActorName,
    string? ActorUnit,
    IReadOnlyList<string> ActorRoles,
    string? Resource,
    Guid? ItemId,
    string? Summary,
    string? TraceId);

/// <summary>What an audit entry records.</summary>
public static class AuditOutcomes
{
    /// <summary>A write that was accepted and committed.</summary>
    public const string Accepted = "Accepted";

    /// <summary>A call without a valid token (401), or a sign-in that failed.</summary>
    public const string Unauthenticated = "Unauthenticated";

    /// <summary>A caller the operation is not for (403).</summary>
    public const string Forbidden = "Forbidden";

    /// <summary>A caller asking for an item it may not see (answered 404, as if there were none).</summary>
    public const string Hidden = "Hidden";

    /// <summary>An account locked out after too many failed sign-ins.</summary>
    public const string LockedOut = "LockedOut";

    public static readonly IReadOnlyList<string> All = [Accepted, Unauthenticated, Forbidden, Hidden, LockedOut];
}
