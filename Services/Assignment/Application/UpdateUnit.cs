using System.Security.Claims;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.Assignment.Application;

/// <summary>A change to the unit <paramref name="Code"/> names.</summary>
public sealed record UnitUpdate(string Code, UnitRequest Unit);

/// <summary>The proposal office renames a unit or changes its kind (its code never changes), and replaces what it covers when the request lists places.</summary>
public sealed class UpdateUnitHandler(WritePath path) : WriteHandler<UnitUpdate, UnitView>(path)
{
    public override string InvalidTitle => "The unit is not valid.";

    public override IDictionary<string, string[]> Validate(UnitUpdate request, DateTimeOffset now)
    {
        var (code, unit) = request;
        var errors = new Dictionary<string, string[]>();
        UnitRequests.ValidateUnit(errors, unit.Name, unit.Kind);
        if (unit.Code is not null && unit.Code.Trim() != code)
        {
            errors["code"] = ["A unit's code cannot change: it is how items and rules refer to the unit."];
        }

        return errors;
    }

    public override async Task<WriteOutcome<UnitView>> ApplyAsync(WriteStep<UnitUpdate, ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        var (work, _, _, (code, request), _, _) = step;
        var unit = new HandlingUnit(code, request.Name!.Trim(), request.Kind!.Trim());
        step.Audit.Set("unit", code).Set("name", unit.Name).Set("kind", unit.Kind);
        if (!await UnitRepository.UpdateAsync(work, unit, cancellationToken))
        {
            return WriteOutcome<UnitView>.Refused(Problems.NoSuchUnit(code));
        }

        if (request.Coverage is not null)
        {
            // as before the write path: a blank or repeated place is left out here, not refused
            var places = UnitRequests.ValidatePlaces(new(), "coverage", request.Coverage);
            var clashes = await UnitRepository.ReplaceCoverageAsync(work, code, places.Select(p => p with { UnitCode = code }).ToList(), cancellationToken);
            if (clashes.Count > 0)
            {
                return WriteOutcome<UnitView>.Refused(Problems.PlacesTaken(clashes));
            }
        }

        return WriteOutcome<UnitView>.Done(UnitView.From(unit, await UnitRepository.CoverageAsync(work, code, cancellationToken)));
    }
}
