namespace ProposalPlatform.Portal.Clients;

/// <summary>
/// Intake's report of a batch (<c>GET /api/intake/batches/{id}</c>): its counts so far, its first row errors,
/// and its attempts (when it was interrupted, why, when intake took it up again, and whether intake finishes it by itself).
/// </summary>
public sealed record BatchReport(
    Guid Id, string BatchReference, string Format, string Status, bool Repeated, DateTimeOffset? AssignedAt,
    int RowsProcessed, int Accepted, int AlreadyKnown, int Rejected, IReadOnlyList<RowError> Errors, int ErrorsNotKept,
    int KeptThroughLine, string? FailureReason, DateTimeOffset ReceivedAt, DateTimeOffset? CompletedAt, DateTimeOffset? FailedAt,
    int Attempts = 0, DateTimeOffset? ResumedAt = null, DateTimeOffset? InterruptedAt = null, string? InterruptionReason = null, bool FinishedByIntake = false);

/// <summary>One refused row: its line (CSV) or position from 1 (JSON), the field and why.</summary>
public sealed record RowError(int Line, string Field, string Message);
