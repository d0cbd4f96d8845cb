using Npgsql;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Stopping_a_batch_part_way
{
    private static PostgresException Refused(string sqlState, string? constraint = null) =>
        new("new row for relation \"proposals\" violates check constraint", "ERROR", "ERROR", sqlState,
            detail: "Failing row contains (张三, 13900001111)", constraintName: constraint);

    [Fact]
    public void A_row_the_database_refuses_is_a_fault_named_by_its_sqlstate_and_constraint_without_the_rows_values()
    {
        var failure = BatchFailure.Of(Refused(PostgresErrorCodes.CheckViolation, "ck_proposals_number"), clientGone: false, stopping: false);

        Assert.False(failure.Retry);
        Assert.Equal("The database refused the rows (SQLSTATE 23514, constraint ck_proposals_number).", failure.Reason);
        Assert.DoesNotContain("13900001111", failure.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.TooManyConnections)]
    public void A_database_that_is_going_or_busy_is_a_reason_to_post_again_later(string sqlState)
    {
        var failure = BatchFailure.Of(Refused(sqlState), clientGone: false, stopping: false);

        Assert.True(failure.Retry);
        Assert.Equal("The database could not be reached or did not answer in time.", failure.Reason);
    }

    [Fact]
    public void A_database_that_cannot_be_reached_is_a_reason_to_post_again_later()
    {
        var failure = BatchFailure.Of(new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException()), clientGone: false, stopping: false);

        Assert.True(failure.Retry);
    }

    [Fact]
    public void The_client_going_away_or_the_service_stopping_is_said_as_such_whatever_was_thrown()
    {
        var gone = BatchFailure.Of(new OperationCanceledException(), clientGone: true, stopping: true);
        var stopping = BatchFailure.Of(Refused(PostgresErrorCodes.QueryCanceled), clientGone: false, stopping: true);

        Assert.Equal(("The upload was broken off: the client's connection closed.", true), (gone.Reason, gone.Retry));
        Assert.Equal(("The intake service was stopping.", true), (stopping.Reason, stopping.Retry));
    }

    [Fact]
    public void Another_error_is_a_fault()
    {
        var failure = BatchFailure.Of(new InvalidOperationException("x"), clientGone: false, stopping: false);

        Assert.Equal(("An unexpected error (InvalidOperationException).", false), (failure.Reason, failure.Retry));
    }

    [Fact]
    public void The_answer_says_which_rows_were_kept_and_where_posting_again_goes_on()
    {
        var detail = BatchFailure.Abandoned.Detail(keptThroughLine: 501, rowsProcessed: 500, accepted: 498, alreadyKnown: 1, rejected: 1);

        Assert.Equal(
            "The rows through line 501 were kept (500 rows: 498 items accepted, 1 already known, 1 rejected); the rows after it were not stored: " +
            "The intake service stopped while taking it in. Post the same batch again to go on after line 501; nothing is taken in twice.",
            detail);
        Assert.DoesNotContain("nothing was changed", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_answer_says_so_when_no_row_was_stored()
    {
        var detail = BatchFailure.Abandoned.Detail(keptThroughLine: 0, rowsProcessed: 0, accepted: 0, alreadyKnown: 0, rejected: 0);

        Assert.StartsWith("No row of the batch was stored: ", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void One_batch_is_locked_by_its_reference_and_content_before_its_row_exists()
    {
        var key = BatchRepository.LockKey("NPC-2024-001", "ab12");

        Assert.Equal(key, BatchRepository.LockKey("NPC-2024-001", "ab12"));
        Assert.NotEqual(key, BatchRepository.LockKey("NPC-2024-001", "ab13"));
        Assert.NotEqual(key, BatchRepository.LockKey("NPC-2024-00", "1ab12"));
    }
}
