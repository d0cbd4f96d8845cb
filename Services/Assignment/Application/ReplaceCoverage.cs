using System.Security.Claims;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.Assignment.Application;

/// <summary>The places the district <paramref name="Code"/> is to cover.</summary>
public sealed record CoverageReplacement(string Code, IReadOnlyList<PlaceRequest> Places);

/// <summary>The proposal office replaces what a customs district covers; a place another district covers is refused.</summary>
public sealed class ReplaceCoverageHandler(WritePath path) : WriteHandler<CoverageReplacement, IReadOnlyList<PlaceView>>(path)
{
    public override string InvalidTitle => "The coverage is not valid.";

    // no Validate: the places are checked against the unit's kind, once it is found

    public override async Task<WriteOutcome<IReadOnlyList<PlaceView>>> ApplyAsync(WriteStep<CoverageReplacement, ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        var (work, _, _, (code, places), _, _) = step;
        var unit = await UnitRepository.FindAsync(work, code, cancellationToken);
        if (unit is null)
        {
            return WriteOutcome<IReadOnlyList<PlaceView>>.Refused(Problems.NoSuchUnit(code));
        }

        var errors = new Dictionary<string, string[]>();
        var coverage = UnitRequests.ValidatePlaces(errors, "", places);
        if (coverage.Count > 0 && unit.Kind != HandlingUnit.District)
        {
            errors["coverage"] = ["Only a customs district covers places."];
        }

        if (errors.Count > 0)
        {
            return WriteOutcome<IReadOnlyList<PlaceView>>.Invalid(errors, InvalidTitle);
        }

        var clashes = await UnitRepository.ReplaceCoverageAsync(work, code, coverage.Select(p => p with { UnitCode = code }).ToList(), cancellationToken);
        if (clashes.Count > 0)
        {
            return WriteOutcome<IReadOnlyList<PlaceView>>.Refused(Problems.PlacesTaken(clashes));
        }

        step.Audit.Set("unit", code).Set("places", coverage.Count);
        IReadOnlyList<PlaceView> views = (await UnitRepository.CoverageAsync(work, code, cancellationToken)).Select(PlaceView.From).ToList();
        return WriteOutcome<IReadOnlyList<PlaceView>>.Done(views);
    }
}
