using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Apis;

/// <summary>
/// The filters of the item list, as the list and the register export both take them (<c>[AsParameters]</c>):
/// read and checked here once, so that an export holds exactly the items the list would show.
/// </summary>
public sealed class ProposalQuery
{
    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    [FromQuery(Name = "sessionYear")]
    public int? SessionYear { get; init; }

    /// <summary>The term (届) of the session.</summary>
    [FromQuery(Name = "sessionTerm")]
    public int? SessionTerm { get; init; }

    /// <summary>The meeting (次) of the term.</summary>
    [FromQuery(Name = "sessionMeeting")]
    public int? SessionMeeting { get; init; }

    [FromQuery(Name = "number")]
    public int? Number { get; init; }

    /// <summary>The topic, or one of the item's tags.</summary>
    [FromQuery(Name = "topic")]
    public string? Topic { get; init; }

    [FromQuery(Name = "handlingMode")]
    public string? HandlingMode { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>The unit the item is assigned to.</summary>
    [FromQuery(Name = "unit")]
    public string? Unit { get; init; }

    [FromQuery(Name = "keyItem")]
    public bool? KeyItem { get; init; }

    [FromQuery(Name = "submittingUnit")]
    public string? SubmittingUnit { get; init; }

    [FromQuery(Name = "batchReference")]
    public string? BatchReference { get; init; }

    /// <summary>Full-text search in the title and text.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>
    /// The filter to run for <paramref name="caller"/>: a caller other than the proposal office sees
    /// only the items of its own unit or district. Each bad field is added to <paramref name="errors"/>.
    /// </summary>
    public ProposalFilter ToFilter(Caller caller, Dictionary<string, string[]> errors)
    {
        var kind = ParseOptional<ProposalKind>(errors, "kind", Kind);
        var mode = ParseOptional<HandlingMode>(errors, "handlingMode", HandlingMode);
        var stage = ParseOptional<ProposalStage>(errors, "status", Status);
        if (SessionTerm is <= 0)
        {
            errors["sessionTerm"] = ["The term must be a positive number."];
        }

        if (SessionMeeting is <= 0)
        {
            errors["sessionMeeting"] = ["The meeting must be a positive number."];
        }

        if (Q is not null && (Q.Trim().Length == 0 || Q.Length > ProposalRules.MaxTitleLength))
        {
            errors["q"] = [$"The search text must have 1 to {ProposalRules.MaxTitleLength} characters."];
        }

        return new ProposalFilter(
            kind, SessionYear, Number, Blank(Topic), mode, stage, Blank(Unit), KeyItem,
            Blank(SubmittingUnit), Blank(BatchReference), Blank(Q), caller.IsOffice ? null : caller.UnitCode ?? "", SessionTerm, SessionMeeting);
    }

    private static T? ParseOptional<T>(Dictionary<string, string[]> errors, string field, string? value) where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (EnumNames.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        errors[field] = [$"'{value}' is not a {field}: use {EnumNames.List<T>()}."];
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
