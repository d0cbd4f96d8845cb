using ProposalPlatform.Audit.Domain;

namespace ProposalPlatform.Audit.Apis;

/// <summary>One record of the audit trail, with its links of the chain (hex).</summary>
public sealed record AuditRecordView(
    long Seq,
    Guid RecordId,
    DateTimeOffset At,
    DateTimeOffset RecordedAt,
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
    string? TraceId,
    string PreviousHash,
    string Hash)
{
    public static AuditRecordView From(AuditRecord record)
    {
        var e = record.Entry;
        return new(
            record.Seq, e.RecordId, e.At, record.RecordedAt, e.Service, e.Operation, e.Outcome, e.Status, e.ActorId, e.ActorName, e.ActorUnit,
            e.ActorRoles, e.Resource, e.ItemId, e.Summary, e.TraceId, Convert.ToHexStringLower(record.PreviousHash), Convert.ToHexStringLower(record.Hash));
    }
}

/// <summary>One page of the records that match, newest first.</summary>
public sealed record AuditPage(int Page, int PageSize, long Total, IReadOnlyList<AuditRecordView> Records);

/// <summary>What the walk of the chain found: whole, or where it first breaks.</summary>
/// <param name="Verified">True when every record links to the one before and gives its own hash, and the head names the last.</param>
/// <param name="RecordsChecked">The records that were found whole before the break (all of them when verified).</param>
/// <param name="LastSeq">The last record found whole.</param>
/// <param name="BrokenAt">The first record where the chain breaks.</param>
/// <param name="Problem">What is wrong there.</param>
public sealed record ChainVerification(bool Verified, long RecordsChecked, long LastSeq, long? BrokenAt, string? Problem);
