using System.Security.Claims;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Intake.Apis;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Intake.Application;

/// <summary>The office confirms a whole cluster of similar items at once, with an optional note.</summary>
public sealed record SimilarClusterDecision(IReadOnlyList<Guid>? ProposalIds, string? Note);

/// <summary>
/// The office's decision that a cluster of similar items is handled together (并案): every candidate
/// pair among the items is confirmed in one write (nine items, 36 pairs, one decision). Refused when
/// the items are not one cluster (400) or a pair among them was dismissed (409). Answers the pairs.
/// </summary>
public sealed class ConfirmSimilarClusterHandler(WritePath path) : WriteHandler<SimilarClusterDecision, IReadOnlyList<SimilarPairView>>(path)
{
    public override string InvalidTitle => "The decision is not valid.";

    public override IDictionary<string, string[]> Validate(SimilarClusterDecision request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (SimilarClusters.Validate(request.ProposalIds).Error is { } error)
        {
            errors["proposalIds"] = [error];
        }

        if (TextLimits.Exceeded(request.Note?.Trim(), DecideSimilarPairHandler.MaxNoteLength) is { } tooLong)
        {
            errors["note"] = [tooLong];
        }

        return errors;
    }

    public override async Task<WriteOutcome<IReadOnlyList<SimilarPairView>>> ApplyAsync(
        WriteStep<SimilarClusterDecision, ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        var (work, _, _, request, caller, now) = step;
        var items = SimilarClusters.Validate(request.ProposalIds).Items;
        var pairs = await SimilarityRepository.AmongForUpdateAsync(work, items, cancellationToken);
        if (pairs.FirstOrDefault(p => p.Status == (short)SimilarPairStatus.Dismissed) is { } dismissed)
        {
            return WriteOutcome<IReadOnlyList<SimilarPairView>>.Conflict("A pair among the items was dismissed.",
                $"The office decided on {dismissed.DecidedAt:O} that items {dismissed.AId} and {dismissed.BId} are different (pair {dismissed.Id}); that decision stands.");
        }

        if (SimilarClusters.RefuseCluster(items, pairs.Select(p => (p.AId, p.BId))) is { } notOne)
        {
            return WriteOutcome<IReadOnlyList<SimilarPairView>>.Invalid("proposalIds", notOne, InvalidTitle);
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var decided = new List<PairRecord>();
        foreach (var pair in pairs)
        {
            if (pair.Status == (short)SimilarPairStatus.Candidate)
            {
                await SimilarityRepository.DecideAsync(work, pair.Id, SimilarPairStatus.Confirmed, caller.Name, note, now, cancellationToken);
                await work.PublishAsync(new SimilarItemsConfirmed(pair.Id, pair.AId, pair.BId, caller.Name, now), cancellationToken);
                decided.Add(pair with { Status = (short)SimilarPairStatus.Confirmed, DecidedAt = now, DecidedBy = caller.Name, Note = note });
            }
            else
            {
                decided.Add(pair);
            }
        }

        step.Audit.ItemId = items[0];
        step.Audit.Set("items", string.Join(", ", items)).Set("confirmed", decided.Count(p => p.DecidedAt == now)).Set("note", note);
        return WriteOutcome<IReadOnlyList<SimilarPairView>>.Done([.. decided.Select(SimilarPairView.From)]);
    }
}
