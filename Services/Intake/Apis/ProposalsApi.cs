using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Export;
using ProposalPlatform.Intake.Application;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Apis;

public static class ProposalsApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/intake/proposals").WithTags("Proposals")
            .RequireAuthorization(PlatformPolicies.Staff);

        api.MapPost("/", RegisterProposal)
            .WithName("RegisterProposal")
            .WithSummary("Register one item (suggestion or proposal) from the proposal office, or from a customs district (submittingUnitCode) that received a local item; the same kind, session and number again returns the stored item")
            .WithDescription("Registers a suggestion or proposal and publishes ProposalRegistered, which starts its assignment. A district registers items as itself only (403 otherwise); an invalid item is refused with 400 naming each field; the same kind, session year and number again answers 200 with the stored item, or 409 when that item is not the caller's to see.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(policy => policy.RequireRole(PlatformRoles.ProposalOffice, PlatformRoles.DistrictOfficer));
        api.MapGet("/{id:guid}", GetProposal)
            .WithName("GetProposal")
            .WithSummary("An item with its status; the only answer with the submitters' contact details (its story across the services is reporting's)")
            .WithDescription("Returns the item with its current status and the submitters' contact details; its whole story across the services is GET /api/reporting/items/{id}/story. An unknown item and one the caller may not see (another unit's or district's) are both answered 404.");
        api.MapGet("/", ListProposals)
            .WithName("ListProposals")
            .WithSummary("Items, filtered by kind, session year, number, topic or tag, handling mode, status, assigned unit, key flag, submitting unit, batch and full-text search q (title and text, Chinese included), a page at a time")
            .WithDescription("Lists the items matching the filters, a page at a time (at most 200), with the total; a caller other than the proposal office sees only the items of its own unit or district. An unknown kind, handling mode or status, an empty or too long search text or a bad page is refused with 400.");
        api.MapGet("/export", ExportProposals)
            .WithName("ExportProposals")
            .WithSummary("The item register: every item that matches the list's filters, in the list's order, as a CSV file (UTF-8 with BOM, for Excel) or an Excel workbook (format=xlsx); no text, no contact details")
            .WithDescription("Exports every item matching the filters of the list (kind, session year, number, topic or tag, handling mode, status, assigned unit, key flag, submitting unit, batch, q), ordered as the list and without pages, as CSV (format=csv, the default) or Excel (format=xlsx), written while the items are read. Chinese column headers; kinds, modes and statuses in Chinese words; times in Beijing time; cells a spreadsheet would read as a formula are prefixed with an apostrophe. A caller other than the proposal office exports only the items of its own unit or district. An invalid filter or format is refused with 400 naming it.")
            .ProducesSpreadsheet();
        api.MapPost("/{id:guid}/corrections", CorrectProposal)
            .WithName("CorrectProposal")
            .WithSummary("Amend an item's data with a reason; the version it replaces is kept in the history")
            .WithDescription("Replaces an item's data with a corrected version and a reason, keeps the version it replaces in the history and publishes ProposalCorrected. An invalid correction is refused with 400, an unknown item with 404.")
            .RequireAuthorization(PlatformPolicies.Office);
        api.MapGet("/{id:guid}/versions", ListVersions)
            .WithName("ListProposalVersions")
            .WithSummary("Every version of an item, oldest first, with the reason and the fields of each correction (contact details left out)")
            .WithDescription("Lists every version of the item, oldest first, with the reason and the changed fields of each correction; contact details are left out. An unknown item and one the caller may not see are both answered 404.");

        return app;
    }

    public static async Task<Results<Results<Created<ProposalView>, Ok<ProposalView>>, ValidationProblem, ProblemHttpResult>> RegisterProposal(
        ProposalSubmission submission, ClaimsPrincipal user, RegisterProposalHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(submission, user, cancellationToken)).ToHttp(registered => registered.Created
            ? (Results<Created<ProposalView>, Ok<ProposalView>>)TypedResults.Created($"/api/intake/proposals/{registered.View.Id}", registered.View)
            : TypedResults.Ok(registered.View));

    public static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> GetProposal(
        Guid id,
        ClaimsPrincipal user,
        ItemGuard guard,
        ProposalRepository proposals,
        CancellationToken cancellationToken)
    {
        var proposal = await proposals.FindAsync(id, cancellationToken);
        if (proposal is null || !await guard.MayShowAsync(user, id, PartiesOf(proposal)))
        {
            return NotFound(id);
        }

        return TypedResults.Ok(ProposalView.From(proposal, proposals.WithContactDetails(proposal)));
    }

    public static async Task<Results<Ok<ProposalPage>, ValidationProblem>> ListProposals(
        Caller caller,
        ProposalRepository proposals,
        [AsParameters] ProposalQuery query,
        CancellationToken cancellationToken,
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = query.ToFilter(caller, errors);
        if (page < 1)
        {
            errors["page"] = ["Pages start at 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"The page size must be between 1 and {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        var (items, total) = await proposals.ListAsync(filter, page, pageSize, cancellationToken);
        return TypedResults.Ok(new ProposalPage([.. items.Select(ProposalSummary.From)], page, pageSize, total));
    }

    public static Results<PushStreamHttpResult, ValidationProblem> ExportProposals(
        Caller caller,
        ProposalRepository proposals,
        TimeProvider clock,
        [AsParameters] ProposalQuery query,
        CancellationToken cancellationToken,
        [FromQuery] string? format = null)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = query.ToFilter(caller, errors);
        var spreadsheet = SpreadsheetExport.ParseFormat(format, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        return SpreadsheetExport.File(ProposalRegister.Table, proposals.ExportAsync(filter, cancellationToken), spreadsheet, "register", clock.GetUtcNow(), cancellationToken);
    }

    public static async Task<Results<Ok<ProposalView>, ValidationProblem, ProblemHttpResult>> CorrectProposal(
        Guid id, CorrectionSubmission correction, ClaimsPrincipal user, CorrectProposalHandler handler, ProposalRepository proposals,
        CancellationToken cancellationToken) =>
        await (await handler.HandleAsync(id, correction, user, cancellationToken)).ToHttpAsync(async corrected =>
        {
            var item = (await proposals.FindAsync(corrected, cancellationToken))!;
            return TypedResults.Ok(ProposalView.From(item, proposals.WithContactDetails(item)));
        });

    public static async Task<Results<Ok<IReadOnlyList<VersionView>>, ProblemHttpResult>> ListVersions(
        Guid id,
        ClaimsPrincipal user,
        ItemGuard guard,
        ProposalRepository proposals,
        CancellationToken cancellationToken)
    {
        var current = await proposals.FindAsync(id, cancellationToken);
        if (current is null || !await guard.MayShowAsync(user, id, PartiesOf(current)))
        {
            return NotFound(id);
        }

        var earlier = await proposals.VersionsAsync(id, cancellationToken);
        IReadOnlyList<VersionView> versions =
        [
            .. earlier.Select(v => new VersionView(v.Version, false, v.ValidFrom, v.ReplacedAt, v.ReplacedBecause, v.ChangedFields, VersionData.From(v.Data))),
            new VersionView(current.Version, true, current.UpdatedAt ?? current.RegisteredAt, null, null, [], VersionData.From(current.ToProposal())),
        ];
        return TypedResults.Ok(versions);
    }

    /// <summary>
    /// What intake knows of who may see an item: the unit it is assigned to, its co-handlers and the
    /// district that registered it. Others get "not found", never "forbidden": the item's existence is not theirs to know.
    /// </summary>
    public static ItemParties PartiesOf(ProposalRecord proposal) =>
        new(proposal.AssignedUnitCode, proposal.CoHandlerUnits, proposal.SubmittingUnitCode);

    public static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such item.",
        Detail = $"Item {id} is unknown here, or not yours to see.",
    });
}
