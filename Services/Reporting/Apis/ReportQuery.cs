using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Reporting.Domain;

namespace ProposalPlatform.Reporting.Apis;

/// <summary>The parameters every report takes, checked once, and narrowed to what the caller may see.</summary>
public sealed record ReportQuery(
    [FromQuery(Name = "year")] int Year,
    [FromQuery(Name = "kind")] string? Kind,
    [FromQuery(Name = "term")] int? Term,
    [FromQuery(Name = "meeting")] int? Meeting,
    [FromQuery(Name = "unit")] string? Unit)
{
    public const int MaxUnitCodeLength = 64;

    /// <summary>
    /// The filter the caller's report is computed with: the office's as asked; a unit's or a district's
    /// always its own (a unit's officers see their own unit's figures only). Errors name the parameter;
    /// <c>Hidden</c> is another unit's figures asked for, answered as if there were none to see.
    /// </summary>
    public (StatisticsFilter? Filter, Dictionary<string, string[]> Errors, bool Hidden) Resolve(Caller caller)
    {
        var errors = new Dictionary<string, string[]>();
        if (Year is < 1954 or > 2200)
        {
            errors["year"] = ["The year is a session year from 1954 on."];
        }

        ProposalKind? kind = null;
        if (Kind is not null)
        {
            if (EnumNames.TryParse<ProposalKind>(Kind, out var parsed))
            {
                kind = parsed;
            }
            else
            {
                errors["kind"] = [$"The kind is one of {EnumNames.List<ProposalKind>()}."];
            }
        }

        if (Term is < 1 or > 100)
        {
            errors["term"] = ["The term (届) is 1 to 100."];
        }

        if (Meeting is < 1 or > 10)
        {
            errors["meeting"] = ["The meeting (次) is 1 to 10."];
        }

        if (Unit is not null && (Unit.Trim().Length == 0 || Unit.Length > MaxUnitCodeLength))
        {
            errors["unit"] = [$"The unit is a unit code of 1 to {MaxUnitCodeLength} characters."];
        }

        if (errors.Count > 0)
        {
            return (null, errors, false);
        }

        var filter = new StatisticsFilter(Year, kind, Term, Meeting, Unit?.Trim());
        if (caller.IsOffice)
        {
            return (filter, errors, false);
        }

        if (IsHiddenFrom(caller, filter.Unit))
        {
            return (null, errors, true);
        }

        return (filter with { Unit = caller.UnitCode, UnitIsDistrict = caller.IsDistrictOfficer }, errors, false);
    }

    /// <summary>
    /// Another unit's figures asked for by a unit's or a district's staff (or by one of no unit): answered
    /// as if there were none to see. The office sees every unit's.
    /// </summary>
    public static bool IsHiddenFrom(Caller caller, string? unit) => caller.IsKeptFromUnit(unit);
}
