using System.Data.Common;
using Npgsql;

namespace ProposalPlatform.Intake.Domain;

/// <summary>Why a batch stopped part-way, and the status its upload is answered with.</summary>
/// <param name="Retry">Whether the same upload may simply be sent again later (503 with Retry-After), rather than a fault to look into (500).</param>
public sealed record BatchFailure(string Reason, bool Retry)
{
    /// <summary>Why a batch found in processing with no upload working on it stopped: its service stopped, or died, mid-way.</summary>
    public static readonly BatchFailure Abandoned = new("The intake service stopped while taking it in.", Retry: true);

    /// <summary>
    /// What stopped a batch: the client going away, the service stopping, the database, or a fault.
    /// The reason names no value of a row (a database message can carry the row it refused).
    /// </summary>
    public static BatchFailure Of(Exception exception, bool clientGone, bool stopping) => exception switch
    {
        _ when clientGone => new("The upload was broken off: the client's connection closed.", Retry: true),
        _ when stopping => new("The intake service was stopping.", Retry: true),
        PostgresException { IsTransient: false } refused => new(
            $"The database refused the rows (SQLSTATE {refused.SqlState}{(refused.ConstraintName is { } constraint ? $", constraint {constraint}" : "")}).",
            Retry: false),
        DbException { IsTransient: true } or NpgsqlException => new("The database could not be reached or did not answer in time.", Retry: true),
        TimeoutException => new("The database did not answer in time.", Retry: true),
        _ => new($"An unexpected error ({exception.GetType().Name}).", Retry: false),
    };

    /// <summary>
    /// What the client is told of a batch that stopped: what was kept (never "nothing changed" when
    /// rows were stored), where it stopped, and that the same batch posted again goes on from there.
    /// </summary>
    public string Detail(int keptThroughLine, int rowsProcessed, int accepted, int alreadyKnown, int rejected) =>
        rowsProcessed == 0
            ? $"No row of the batch was stored: {Reason} Post the same batch again to take it in."
            : $"The rows through line {keptThroughLine} were kept ({rowsProcessed} rows: {accepted} items accepted, {alreadyKnown} already known, {rejected} rejected); " +
              $"the rows after it were not stored: {Reason} Post the same batch again to go on after line {keptThroughLine}; nothing is taken in twice.";
}
