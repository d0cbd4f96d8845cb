using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Export;
using ProposalPlatform.Reporting.Data;
using ProposalPlatform.Reporting.Domain;

namespace ProposalPlatform.Reporting.Apis;

public static class ReportingApi
{
    public const string ScoreFormula =
        "total = 100 × Σ(weight × share) / Σ(weight), over the criteria that measured something: onTime (replies issued by their round's deadline, extensions counted, of replies issued), contactBeforeReply (replies with a contact completed in their round before them, of replies issued), faceToFace (items with a face-to-face contact made, of items with a contact made), satisfaction (first-round answers satisfied or basically satisfied with the result, of answers), solved (items whose standing reply is class A, of items replied); the items the unit leads and owes a reply on, of the year.";

    public static IEndpointRouteBuilder MapReportingApi(this IEndpointRouteBuilder app)
    {
        // operations staff see metrics, never figures about items
        var api = app.MapGroup("api/reporting").WithTags("Reporting")
            .RequireAuthorization(PlatformPolicies.Staff);

        api.MapGet("/items/{id:guid}/story", GetStory)
            .WithName("GetItemStory")
            .WithSummary("An item's status and its whole story across the services — registered, assigned, contacts, drafts, sign-off, reply, feedback, re-handling — from their events; no contact details")
            .WithDescription("Returns the item's status and every step of its handling in order, built from the events of the four services that reporting keeps in its log; no contact details. An unknown item and one the caller may not see (another unit's or district's) are both answered 404.");
        api.MapGet("/worklist", GetWorklist)
            .WithName("GetWorklist")
            .WithSummary("A unit's open items — those it leads and those it co-handles — the soonest due first, with their status and deadline")
            .WithDescription("Lists, a page at a time (page, pageSize up to 200), the items of a unit still being worked on (not returned, not answered with satisfaction): the items it leads or handles alone or separately and those it co-handles, each with its status, the open round's reply deadline (extensions counted) and whether it is overdue, the soonest due first and those with no deadline last; with how many there are in all and how many are overdue. A unit's handlers and head, and a district's officers, get their own unit's (another unit asked for is answered 404); the office names the unit (400 without it); a bad page or page size is refused with 400 naming it.");
        api.MapGet("/statistics/annual", GetAnnualStatistics)
            .WithName("GetAnnualStatistics")
            .WithSummary("The year's statistics beside the year before's, with the change: items by kind, mode, topic, unit; replies, on-time, result classes; contacts; satisfaction")
            .WithDescription("Counts the items of session year `year` (and of the year before, side by side) from the platform's own records: by kind, by handling mode with 'replied directly' (lead + sole + separate), by topic including topics at zero, by unit; key items, merged groups, returns, entrusted visits by district; replies issued, reply and on-time rates, overdue now, result classes and A+B; contact before reply, contacts by channel, face-to-face; feedback in the first round and after re-handling. Filters: kind, term, meeting, unit. The office sees every unit's; a unit's or district's staff their own only (another unit asked for is answered 404). A missing or invalid parameter is refused with 400 naming it.");
        api.MapGet("/statistics/annual/export", ExportAnnualStatistics)
            .WithName("ExportAnnualStatistics")
            .WithSummary("The year's statistics as a CSV or Excel file (format=csv|xlsx): a row per figure, this year, the year before and the change")
            .WithDescription("The same figures, filters and visibility as GET /api/reporting/statistics/annual, as a spreadsheet with Chinese headers and a row per figure and breakdown line (counts, and shares in percent with their change in points). An unknown format or an invalid parameter is refused with 400 naming it; another unit asked for is answered 404.")
            .ProducesSpreadsheet();
        api.MapGet("/scores", GetScores)
            .WithName("GetUnitScores")
            .WithSummary("The handling units' yearly scores (考核): on-time, contact before reply, face-to-face, satisfaction, solved and a weighted total, ranked")
            .WithDescription("One row per lead unit of the year's items with each criterion as a share and a total by the documented formula, whose weights the office sets in configuration (Reporting:Scores); ranked by total, equal totals sharing a rank. The office sees every unit; a unit's or district's staff only their own row (another unit asked for is answered 404). A missing or invalid parameter is refused with 400 naming it.");
        api.MapGet("/scores/export", ExportScores)
            .WithName("ExportUnitScores")
            .WithSummary("The units' yearly scores as a CSV or Excel file (format=csv|xlsx), ranked")
            .WithDescription("The same rows and visibility as GET /api/reporting/scores, as a spreadsheet with Chinese headers: rank, unit, items, replies, each criterion in percent and the total. An unknown format or an invalid parameter is refused with 400 naming it; another unit asked for is answered 404.")
            .ProducesSpreadsheet();
        return app;
    }

    public static async Task<Results<Ok<ProposalStory>, ProblemHttpResult>> GetStory(
        Guid id, HttpContext http, ItemGuard guard, ReportingReadModel views, CancellationToken cancellationToken)
    {
        var story = await views.StoryAsync(id, cancellationToken);
        return story is not { } found || !await guard.MayShowAsync(http.User, id, found.Item.Parties)
            ? TypedResults.Problem(ItemGuard.NotFound(id))
            : TypedResults.Ok(ProposalStory.From(found.Item, found.Timeline));
    }

    public const int MaxWorklistPageSize = 200;

    public static async Task<Results<Ok<Worklist>, ValidationProblem, ProblemHttpResult>> GetWorklist(
        Caller caller, ReportingReadModel views, TimeProvider clock, CancellationToken cancellationToken,
        [FromQuery(Name = "unit")] string? unit = null, [FromQuery(Name = "page")] int page = 1, [FromQuery(Name = "pageSize")] int pageSize = 50)
    {
        unit = unit?.Trim();
        var errors = new Dictionary<string, string[]>();
        if (unit is { Length: 0 or > ReportQuery.MaxUnitCodeLength } || (unit is null && caller.IsOffice))
        {
            errors["unit"] = [$"The unit is a unit code of 1 to {ReportQuery.MaxUnitCodeLength} characters; the office names the unit whose work it lists."];
        }

        if (page < 1)
        {
            errors["page"] = ["The page is 1 or more."];
        }

        if (pageSize is < 1 or > MaxWorklistPageSize)
        {
            errors["pageSize"] = [$"A page holds 1 to {MaxWorklistPageSize} items."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The worklist's parameters are not valid.");
        }

        if (ReportQuery.IsHiddenFrom(caller, unit))
        {
            return TypedResults.Problem(NoSuchFigures);
        }

        var now = clock.GetUtcNow();
        var code = unit ?? caller.UnitCode!;
        var work = await views.WorklistAsync(code, page, pageSize, now, cancellationToken);
        return TypedResults.Ok(new Worklist(code, now, page, pageSize, work.Total, work.Overdue, [.. work.Items.Select(w => WorkRow.From(w, now))]));
    }

    public static Task<Results<Ok<AnnualStatistics>, ValidationProblem, ProblemHttpResult>> GetAnnualStatistics(
        [AsParameters] ReportQuery query, Caller caller, ReportingReadModel views, IOptions<ReportingOptions> options, TimeProvider clock,
        CancellationToken cancellationToken) =>
        AnswerAsync(query, caller, format: null, async (filter, _) =>
            TypedResults.Ok(await ComputeAsync(filter, views, options.Value, clock.GetUtcNow(), cancellationToken)));

    public static Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> ExportAnnualStatistics(
        [AsParameters] ReportQuery query, Caller caller, ReportingReadModel views, IOptions<ReportingOptions> options, TimeProvider clock,
        CancellationToken cancellationToken, [FromQuery(Name = SpreadsheetExport.FormatParameter)] string? format = null) =>
        AnswerAsync(query, caller, format, async (filter, sheet) =>
        {
            var now = clock.GetUtcNow();
            var statistics = await ComputeAsync(filter, views, options.Value, now, cancellationToken);
            return SpreadsheetExport.File(ReportSheets.Statistics, ReportSheets.RowsOf(statistics), sheet, $"statistics-{filter.Year}", now, cancellationToken);
        });

    public static Task<Results<Ok<ScoresView>, ValidationProblem, ProblemHttpResult>> GetScores(
        [AsParameters] ReportQuery query, Caller caller, ReportingReadModel views, IOptions<ReportingOptions> options, TimeProvider clock,
        CancellationToken cancellationToken) =>
        AnswerAsync(query, caller, format: null, async (filter, _) =>
            TypedResults.Ok(await ScoresAsync(filter, views, options.Value, clock.GetUtcNow(), cancellationToken)));

    public static Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> ExportScores(
        [AsParameters] ReportQuery query, Caller caller, ReportingReadModel views, IOptions<ReportingOptions> options, TimeProvider clock,
        CancellationToken cancellationToken, [FromQuery(Name = SpreadsheetExport.FormatParameter)] string? format = null) =>
        AnswerAsync(query, caller, format, async (filter, sheet) =>
        {
            var now = clock.GetUtcNow();
            var scores = await ScoresAsync(filter, views, options.Value, now, cancellationToken);
            return SpreadsheetExport.File(ReportSheets.Scores, scores.Units, sheet, $"scores-{filter.Year}", now, cancellationToken);
        });

    public static async Task<AnnualStatistics> ComputeAsync(
        StatisticsFilter filter, ReportingReadModel views, ReportingOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var previousFilter = filter.PreviousYear();
        var years = await views.FactsAsync([filter, previousFilter], cancellationToken);
        var (current, previous) = (years[0], years[1]);
        var unitNames = current.Concat(previous)
            .Where(i => i.LeadUnit is not null && i.LeadUnitName is not null)
            .GroupBy(i => i.LeadUnit!).ToDictionary(g => g.Key, g => g.First().LeadUnitName!);
        return AnnualStatistics.From(filter, previousFilter, YearFigures.Of(current, now), YearFigures.Of(previous, now), unitNames, options.KnownTopics, now);
    }

    /// <summary>
    /// Every unit is scored on the whole year's items, so a unit's rank is its place among all; a
    /// unit's own staff then see their row alone.
    /// </summary>
    public static async Task<ScoresView> ScoresAsync(
        StatisticsFilter filter, ReportingReadModel views, ReportingOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var weights = options.Scores.ToWeights();
        var all = (await views.FactsAsync([filter with { Unit = null, UnitIsDistrict = false }], cancellationToken))[0];
        var scores = UnitScores.Of(all, weights, now).Where(s => filter.Unit is null || s.UnitCode == filter.Unit);
        return new ScoresView(filter.Year, filter.Kind?.ToString(), weights, ScoreFormula, now, [.. scores.Select(ScoreRow.From)]);
    }

    private static ProblemDetails NoSuchFigures => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such figures.",
        Detail = "There are no figures of that unit here that are yours to see.",
    };

    /// <summary>
    /// Every report's one way in: the parameters checked and narrowed to the caller (<see cref="ReportQuery.Resolve"/>)
    /// and, for a file, its format; refused with 400 naming what is wrong, or 404 for another unit's figures.
    /// </summary>
    private static async Task<Results<TDone, ValidationProblem, ProblemHttpResult>> AnswerAsync<TDone>(
        ReportQuery query, Caller caller, string? format, Func<StatisticsFilter, SpreadsheetFormat, Task<TDone>> answer)
        where TDone : IResult
    {
        var (filter, errors, hidden) = query.Resolve(caller);
        var sheet = SpreadsheetExport.ParseFormat(format, errors);
        if (filter is null || errors.Count > 0)
        {
            return hidden
                ? TypedResults.Problem(NoSuchFigures)
                : TypedResults.ValidationProblem(errors, title: "The report's parameters are not valid.");
        }

        return await answer(filter, sheet);
    }
}
