namespace ProposalPlatform.Portal.Clients;

// The parts of the reply service's answer the reply letters' component reads (GET api/replies/{id}).

public sealed record ReplyLettersView(IReadOnlyList<IssuedLetter> Replies);

/// <param name="LetterNumber">Null for a reply issued before replies were letters.</param>
public sealed record IssuedLetter(int Round, DateTimeOffset IssuedAt, string Publication, string? LetterNumber, string? LetterSha256, string? PublicLetterSha256);
