using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using ProposalPlatform.Contracts.Audit;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Identity.Data;
using ProposalPlatform.Infrastructure.Audit;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Outbox;

namespace ProposalPlatform.Identity.Hosting;

/// <summary>
/// The identity service's part of the audit trail: its administration (people, clients), whose entry
/// commits in the same transaction as the change (through the outbox, as in every service), and the
/// sign-ins that fail or lock an account. The operation is the endpoint's name, as everywhere.
/// </summary>
public sealed class IdentityAudit(AuditTrail trail, AuditRecorder recorder, OutboxSignal signal)
{
    /// <summary>The transaction an administration write and its audit entry commit in.</summary>
    public static Task<IDbContextTransaction> BeginAsync(IdentityDataContext database, CancellationToken cancellationToken) =>
        database.Database.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// Locks a person's row for the transaction, before it is read: two administrators acting on one
    /// person at once take turns, the second reading what the first saved.
    /// </summary>
    public static Task LockPersonAsync(IdentityDataContext database, string id, CancellationToken cancellationToken) =>
        database.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"AspNetUsers\" WHERE \"Id\" = {id} FOR UPDATE", cancellationToken);

    /// <summary>Locks a client's row for the transaction, before it is read (as <see cref="LockPersonAsync"/>).</summary>
    public static Task LockClientAsync(IdentityDataContext database, string clientId, CancellationToken cancellationToken) =>
        database.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"OpenIddictApplications\" WHERE \"ClientId\" = {clientId} FOR UPDATE", cancellationToken);

    /// <summary>
    /// Writes the administration write's audit entry in its transaction, with the person's change for the
    /// other services where a person changed, and commits them all.
    /// </summary>
    public async Task CommitAsync(
        IdentityDataContext database, IDbContextTransaction transaction, Caller caller, string summary, CancellationToken cancellationToken, PersonChanged? personChanged = null)
    {
        object[] messages = personChanged is null
            ? [trail.Accepted(caller, "IdentityAdministration", null, summary)]
            : [trail.Accepted(caller, "IdentityAdministration", null, summary), personChanged];
        var rows = await OutboxWriter.InsertAsync(
            (NpgsqlConnection)database.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction(), messages, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify(rows);
    }

    /// <summary>A sign-in step that was refused: a wrong password or code, an unknown user name, a disabled or locked account.</summary>
    public void SignInRefused(string operation, PlatformUser? user, string attemptedUserName, PasswordStep step)
    {
        var outcome = step == PasswordStep.LockedOut ? AuditOutcomes.LockedOut : AuditOutcomes.Unauthenticated;
        var why = step switch
        {
            PasswordStep.LockedOut => "the account is locked out after too many failed sign-ins",
            PasswordStep.Disabled => "the account is disabled",
            PasswordStep.SecondFactorMissing => "an office account without an authenticator",
            _ when user is null => "no such user name",
            _ => "wrong password or code",
        };
        // an unknown user name is what was typed, cut short: it may be anything
        var name = user?.UserName ?? (attemptedUserName.Length <= 50 ? attemptedUserName : attemptedUserName[..50]);
        recorder.Record(trail.Event(operation, outcome, StatusCodes.Status401Unauthorized, user?.Id ?? $"user name '{name}'", user?.DisplayName ?? string.Empty,
            user?.UnitCode, [], $"Sign-in as '{name}' refused: {why}."));
    }
}
