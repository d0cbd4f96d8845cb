using System.Security.Claims;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Intake.Apis;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Intake.Application;

/// <summary>The office's decision on a pair of similar items: handle them together (confirmed), or not (dismissed), with an optional note.</summary>
public sealed record SimilarPairDecision(Guid PairId, SimilarPairStatus Decision, string? Note);

/// <summary>
/// The office confirms or dismisses a pair of similar items; the same decision again changes nothing,
/// and a decision once taken is not reversed. Who decided is the caller.
/// </summary>
public sealed class DecideSimilarPairHandler(WritePath path) : WriteHandler<SimilarPairDecision, SimilarPairView>(path)
{
    public const int MaxNoteLength = 500;

    public override string InvalidTitle => "The decision is not valid.";

    public override IDictionary<string, string[]> Validate(SimilarPairDecision request, DateTimeOffset now) =>
        TextLimits.Exceeded(request.Note?.Trim(), MaxNoteLength) is { } tooLong
            ? new Dictionary<string, string[]> { ["note"] = [tooLong] }
            : new Dictionary<string, string[]>();

    public override async Task<WriteOutcome<SimilarPairView>> ApplyAsync(WriteStep<SimilarPairDecision, ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        var (work, _, _, (pairId, decision, note), caller, now) = step;
        var pair = await SimilarityRepository.FindForUpdateAsync(work, pairId, cancellationToken);
        if (pair is null)
        {
            return WriteOutcome<SimilarPairView>.Refused(StatusCodes.Status404NotFound, "No such pair.", $"No pair of similar items has the id {pairId}.");
        }

        var (allowed, changes, error) = SimilarPairs.Decide((SimilarPairStatus)pair.Status, decision);
        if (!allowed)
        {
            return WriteOutcome<SimilarPairView>.Conflict("The pair was already decided otherwise.", error!);
        }

        step.Audit.ItemId = pair.AId;
        step.Audit.Set("pair", pairId).Set("items", $"{pair.AId}, {pair.BId}").Changed("status", ((SimilarPairStatus)pair.Status).ToString(), decision.ToString());
        if (changes)
        {
            await SimilarityRepository.DecideAsync(work, pairId, decision, caller.Name, Trim(note), now, cancellationToken);
            pair = pair with { Status = (short)decision, DecidedAt = now, DecidedBy = caller.Name, Note = Trim(note) };
            if (decision == SimilarPairStatus.Confirmed)
            {
                await work.PublishAsync(new SimilarItemsConfirmed(pairId, pair.AId, pair.BId, caller.Name, now), cancellationToken);
            }
        }

        return WriteOutcome<SimilarPairView>.Done(SimilarPairView.From(pair));
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
