using Dapper;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Reply.Data;

/// <summary>The letters' numbers and the letters as issued.</summary>
public static class LetterRepository
{
    /// <summary>
    /// The next number of <paramref name="year"/>'s sequence (1 for its first letter). The year's row stays
    /// locked until the transaction ends: letters issued at the same time are numbered one after the
    /// other, and a transaction that rolls back gives its number back, so the year has no gap.
    /// </summary>
    public static Task<int> NextNumberAsync(UnitOfWork work, int year, CancellationToken cancellationToken) =>
        work.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            INSERT INTO reply_letter_numbers (year, last_number) VALUES (@year, 1)
            ON CONFLICT (year) DO UPDATE SET last_number = reply_letter_numbers.last_number + 1
            RETURNING last_number
            """,
            new { year }, work.Transaction, cancellationToken: cancellationToken));

    public static Task StoreAsync(UnitOfWork work, StoredLetter letter, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reply_letters (reply_id, proposal_id, round, year, number, letter_number, letter, letter_sha256, public_letter, public_sha256)
            VALUES (@ReplyId, @ProposalId, @Round, @Year, @Number, @LetterNumber, @Letter, @LetterSha256, @PublicLetter, @PublicSha256)
            """,
            letter, work.Transaction, cancellationToken: cancellationToken));
}

/// <summary>An issued reply's letter as stored: the letter sealed (<see cref="SignatoryPhones"/>), the public version as it is, each one's SHA-256.</summary>
public sealed record StoredLetter(
    Guid ReplyId,
    Guid ProposalId,
    int Round,
    int Year,
    int Number,
    string LetterNumber,
    byte[] Letter,
    byte[] LetterSha256,
    byte[]? PublicLetter,
    byte[]? PublicSha256);
