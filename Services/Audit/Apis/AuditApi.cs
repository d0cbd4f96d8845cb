using Microsoft.AspNetCore.Http.HttpResults;
using ProposalPlatform.Audit.Data;
using ProposalPlatform.Audit.Domain;
using ProposalPlatform.Contracts.Audit;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Export;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Audit.Apis;

public static class AuditApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        // the office alone reads the trail: it names every person's and unit's acts
        var api = app.MapGroup("api/audit").WithTags("Audit")
            .RequireAuthorization(PlatformPolicies.Office);

        api.MapGet("/records", ListAuditRecords)
            .WithName("ListAuditRecords")
            .WithSummary("The audit trail: who did what, to which item, when — and the refusals that matter for security; filtered, paged, newest first")
            .WithDescription("Lists the audit records that match every filter given (item, actor id, unit, operation, outcome, service, time range [from, to)), newest first, a page at a time, with how many match in all. A page past the end is empty. Only the proposal office reads the trail (403 otherwise); an invalid filter is refused with 400 naming it.");
        api.MapGet("/records/export", ExportAuditRecords)
            .WithName("ExportAuditRecords")
            .WithSummary("The audit records that match the filters, oldest first, as a CSV file (UTF-8 with BOM, for Excel) or an Excel workbook (format=xlsx)")
            .WithDescription("Exports every audit record that matches the filters (as for the list), oldest first, as CSV (format=csv, the default) or Excel (format=xlsx), with Chinese column headers and times in Beijing time; cells that a spreadsheet would read as a formula are prefixed with an apostrophe. Only the proposal office exports the trail (403 otherwise); an invalid filter or format is refused with 400 naming it.")
            .ProducesSpreadsheet();
        api.MapGet("/chain", VerifyAuditChain)
            .WithName("VerifyAuditChain")
            .WithSummary("Walks the audit trail's hash chain and names the first broken link, if any")
            .WithDescription("Verifies the whole trail: every record must link to the one before it (its previous hash), give its own hash from its content, and follow it without a gap; the store's head must name the last record. Answers whether the chain holds and, when it does not, the first record where it breaks and how. Only the proposal office verifies the trail (403 otherwise).");
        return app;
    }

    public static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAuditRecords(
        AuditStore store, CancellationToken cancellationToken,
        Guid? itemId = null, string? actor = null, string? unit = null, string? operation = null, string? outcome = null, string? service = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 1, int pageSize = 50)
    {
        var errors = Validate(actor, unit, operation, outcome, service, from, to);
        if (page < 1)
        {
            errors["page"] = ["The page starts at 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"The page size is 1 to {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The audit query is not valid.");
        }

        var (records, total) = await store.PageAsync(new AuditQuery(itemId, actor, unit, operation, outcome, service, from, to), page, pageSize, cancellationToken);
        return TypedResults.Ok(new AuditPage(page, pageSize, total, [.. records.Select(AuditRecordView.From)]));
    }

    public static Results<PushStreamHttpResult, ValidationProblem> ExportAuditRecords(
        AuditStore store, TimeProvider clock, CancellationToken cancellationToken,
        Guid? itemId = null, string? actor = null, string? unit = null, string? operation = null, string? outcome = null, string? service = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? format = null)
    {
        var errors = Validate(actor, unit, operation, outcome, service, from, to);
        var spreadsheet = SpreadsheetExport.ParseFormat(format, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The audit query is not valid.");
        }

        var query = new AuditQuery(itemId, actor, unit, operation, outcome, service, from, to);
        return SpreadsheetExport.File(AuditSheet.Table, store.AllAsync(query, cancellationToken), spreadsheet, "audit", clock.GetUtcNow(), cancellationToken);
    }

    public static async Task<Ok<ChainVerification>> VerifyAuditChain(AuditStore store, CancellationToken cancellationToken)
    {
        var verifier = await store.VerifyAsync(cancellationToken);
        return TypedResults.Ok(new ChainVerification(verifier.Break is null, verifier.Checked, verifier.LastSeq, verifier.Break?.Seq, verifier.Break?.Problem));
    }

    private static Dictionary<string, string[]> Validate(
        string? actor, string? unit, string? operation, string? outcome, string? service, DateTimeOffset? from, DateTimeOffset? to)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in new[] { ("actor", actor), ("unit", unit), ("operation", operation), ("service", service) })
        {
            if (value is not null && (value.Length == 0 || value.Length > TextLimits.Name))
            {
                errors[name] = [$"The {name} is 1 to {TextLimits.Name} characters."];
            }
        }

        if (outcome is not null && !AuditOutcomes.All.Contains(outcome))
        {
            errors["outcome"] = [$"The outcome is one of {string.Join(", ", AuditOutcomes.All)}."];
        }

        if (from is not null && to is not null && from > to)
        {
            errors["to"] = ["The end of the time range comes before its start."];
        }

        return errors;
    }
}

/// <summary>The trail as a spreadsheet reads it: Chinese headers, one record a row, times in Beijing time to the second.</summary>
public static class AuditSheet
{
    private const string SecondFormat = "yyyy-MM-dd HH:mm:ss";

    public static readonly SpreadsheetTable<AuditRecord> Table = new SpreadsheetTable<AuditRecord>()
        .Number("序号", r => r.Seq)
        .Time("时间", r => r.Entry.At, SecondFormat)
        .Time("记入时间", r => r.RecordedAt, SecondFormat)
        .Text("服务", r => r.Entry.Service)
        .Text("操作", r => r.Entry.Operation)
        .Text("结果", r => r.Entry.Outcome)
        .Number("状态码", r => r.Entry.Status)
        .Text("操作人标识", r => r.Entry.ActorId)
        .Text("操作人", r => r.Entry.ActorName)
        .Text("单位", r => r.Entry.ActorUnit)
        .Text("角色", r => string.Join(' ', r.Entry.ActorRoles))
        .Text("资源", r => r.Entry.Resource)
        .Text("事项标识", r => r.Entry.ItemId?.ToString())
        .Text("摘要", r => r.Entry.Summary)
        .Text("追踪标识", r => r.Entry.TraceId)
        .Text("前一哈希", r => Convert.ToHexStringLower(r.PreviousHash))
        .Text("哈希", r => Convert.ToHexStringLower(r.Hash));
}
