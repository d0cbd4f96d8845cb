using System.Globalization;
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
            .WithSummary("The audit records that match the filters, oldest first, as a CSV file (UTF-8 with BOM, for Excel)")
            .WithDescription("Exports every audit record that matches the filters (as for the list) as CSV, oldest first, with Chinese column headers; cells that a spreadsheet would read as a formula are prefixed with an apostrophe. Only the proposal office exports the trail (403 otherwise); an invalid filter is refused with 400 naming it.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
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
        AuditStore store, CancellationToken cancellationToken,
        Guid? itemId = null, string? actor = null, string? unit = null, string? operation = null, string? outcome = null, string? service = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var errors = Validate(actor, unit, operation, outcome, service, from, to);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The audit query is not valid.");
        }

        var query = new AuditQuery(itemId, actor, unit, operation, outcome, service, from, to);
        return TypedResults.Stream(
            body => AuditCsv.WriteAsync(body, store.AllAsync(query, cancellationToken), cancellationToken),
            SpreadsheetCsvWriter.ContentType, $"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
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

/// <summary>The trail as a spreadsheet reads it: Chinese headers, one record a row, no cell a formula.</summary>
public static class AuditCsv
{
    private static readonly string[] Headers =
    [
        "序号", "时间", "记入时间", "服务", "操作", "结果", "状态码", "操作人标识", "操作人", "单位", "角色", "资源", "事项标识", "摘要", "追踪标识", "前一哈希", "哈希",
    ];

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<AuditRecord> records, CancellationToken cancellationToken)
    {
        await using var csv = new SpreadsheetCsvWriter(body);
        await csv.WriteRowAsync(Headers, cancellationToken);
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            var e = record.Entry;
            await csv.WriteRowAsync(
            [
                record.Seq.ToString(CultureInfo.InvariantCulture), e.At.ToString("O", CultureInfo.InvariantCulture), record.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
                e.Service, e.Operation, e.Outcome, e.Status.ToString(CultureInfo.InvariantCulture), e.ActorId, e.ActorName, e.ActorUnit,
                string.Join(' ', e.ActorRoles), e.Resource, e.ItemId?.ToString(), e.Summary, e.TraceId,
                Convert.ToHexStringLower(record.PreviousHash), Convert.ToHexStringLower(record.Hash),
            ], cancellationToken);
        }
    }
}
