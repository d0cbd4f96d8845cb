namespace ProposalPlatform.Portal.Clients;

/// <summary>Intake's pairs of similar items (<c>GET /api/intake/similar</c>), candidates for merged handling (并案).</summary>
public sealed record SimilarPairPage(IReadOnlyList<SimilarPairView> Items, int Page, int PageSize, long Total);

public sealed record SimilarPairView(
    Guid Id, int SessionYear, double Similarity, string Status, PairItemView A, PairItemView B,
    DateTimeOffset DetectedAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? Note);

public sealed record PairItemView(Guid Id, string Kind, int Number, string Title);
