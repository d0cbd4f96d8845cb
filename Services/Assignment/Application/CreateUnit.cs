using System.Security.Claims;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.Assignment.Application;

/// <summary>The proposal office adds a handling unit and, for a customs district, the places it covers (each place belongs to one district).</summary>
public sealed class CreateUnitHandler(WritePath path) : WriteHandler<UnitRequest, UnitView>(path)
{
    public override string InvalidTitle => "The unit is not valid.";

    public override IDictionary<string, string[]> Validate(UnitRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Code) || !UnitRequests.UnitCodePattern().IsMatch(request.Code.Trim()))
        {
            errors["code"] = ["A unit code is 2 to 40 capital letters, digits and dashes (e.g. DIST-SHENZHEN)."];
        }

        UnitRequests.ValidateUnit(errors, request.Name, request.Kind);
        var places = UnitRequests.ValidatePlaces(errors, "coverage", request.Coverage);
        if (places.Count > 0 && request.Kind?.Trim() != HandlingUnit.District)
        {
            errors["coverage"] = ["Only a customs district covers places."];
        }

        return errors;
    }

    public override async Task<WriteOutcome<UnitView>> ApplyAsync(WriteStep<UnitRequest, ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        var (work, _, _, request, _, _) = step;
        var unit = new HandlingUnit(request.Code!.Trim(), request.Name!.Trim(), request.Kind!.Trim());
        var places = UnitRequests.ValidatePlaces(new(), "coverage", request.Coverage);
        if (places.Count > 0)
        {
            var taken = await UnitRepository.CoverageAsync(work, null, cancellationToken);
            var conflicts = places.Where(p => taken.Any(t => t.Province == p.Province && t.City == p.City)).ToList();
            if (conflicts.Count > 0)
            {
                return WriteOutcome<UnitView>.Refused(Problems.PlacesTaken(conflicts.Select(p => taken.First(t => t.Province == p.Province && t.City == p.City)).ToList()));
            }
        }

        if (!await UnitRepository.CreateAsync(work, unit, cancellationToken))
        {
            return WriteOutcome<UnitView>.Conflict("The unit exists.", $"A unit with code {unit.Code} already exists: change it with PUT.");
        }

        var clashes = await UnitRepository.ReplaceCoverageAsync(work, unit.Code, places.Select(p => p with { UnitCode = unit.Code }).ToList(), cancellationToken);
        if (clashes.Count > 0)
        {
            return WriteOutcome<UnitView>.Refused(Problems.PlacesTaken(clashes));
        }

        step.Audit.Set("unit", unit.Code).Set("name", unit.Name).Set("kind", unit.Kind).Set("places", places.Count);
        return WriteOutcome<UnitView>.Done(UnitView.From(unit, await UnitRepository.CoverageAsync(work, unit.Code, cancellationToken)));
    }
}
