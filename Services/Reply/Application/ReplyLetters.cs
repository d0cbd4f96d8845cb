using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reply.Data;
using ProposalPlatform.Reply.Domain;
using ProposalPlatform.Reply.Letters;

namespace ProposalPlatform.Reply.Application;

/// <summary>
/// The letter of one item's issued reply, in the transaction that issues it: first its number from the
/// year's sequence, then the letter and its public version set and stored as they are sent. Items
/// handled together get a letter each, each with its own number: once per item.
/// </summary>
public sealed class ReplyLetters(ReplyLetterRenderer renderer, IOptions<ReplyLetterOptions> options, SignatoryPhones phones)
{
    /// <summary>The next number of the Beijing year of <paramref name="issuedAt"/>; the year's sequence stays locked until the transaction ends.</summary>
    public async Task<LetterNumber> NumberAsync(UnitOfWork work, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        var year = LetterNumbers.YearOf(issuedAt);
        var number = await LetterRepository.NextNumberAsync(work, year, cancellationToken);
        return new LetterNumber(year, number, LetterNumbers.Format(options.Value.NumberFormat, year, number));
    }

    /// <summary>
    /// Sets <paramref name="letter"/> (numbered <paramref name="number"/>) and, when the reply is published,
    /// its public version with <paramref name="publicText"/>, and stores both with their SHA-256.
    /// </summary>
    public async Task<StoredLetter> StoreAsync(
        UnitOfWork work, Guid replyId, Guid proposalId, int round, LetterNumber number, ReplyLetter letter, string? publicText, CancellationToken cancellationToken)
    {
        var full = renderer.Render(letter);
        var published = publicText is null ? null : renderer.Render(letter.PublicVersion(publicText));
        var stored = new StoredLetter(
            replyId, proposalId, round, number.Year, number.Number, number.Text,
            phones.SealLetter(replyId, full), SHA256.HashData(full),
            published, published is null ? null : SHA256.HashData(published));
        await LetterRepository.StoreAsync(work, stored, cancellationToken);
        return stored;
    }
}

/// <summary>A letter's place in its year's sequence and the number (文号) it is written as.</summary>
public sealed record LetterNumber(int Year, int Number, string Text);
