using System.Security.Cryptography;
using System.Text;
using MassTransit;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Apis;

public static partial class BatchesApi
{
    /// <summary>A national session in one upload, with room to spare.</summary>
    public const long MaxBatchBytes = 512L * 1024 * 1024;
    public const int MaxErrorsReported = BatchRepository.MaxErrorsKept;

    public static IEndpointRouteBuilder MapBatchesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/intake/batches").WithTags("Batches")
            .RequireAuthorization(PlatformPolicies.Office);

        api.MapPost("/", SubmitBatch)
            .Accepts<BatchSubmission>("application/json", "text/csv")
            .WithName("SubmitBatch")
            .WithSummary("Take in a batch from the assigning office: JSON {batchReference, assignedAt, items: [item…]} or CSV " +
                "(Content-Type text/csv, UTF-8 or charset=gb18030, header row; batchReference and assignedAt as query parameters). " + BatchCsv.ColumnsDescription +
                " Valid rows are stored in chunks of 500 and every invalid row is reported with its line and field; the same content again changes nothing " +
                "(repeated: true). An upload that stops part-way is answered 503 (retry) or 500 with what was kept (problem's batch: status Failed, " +
                "failureReason, keptThroughLine); the same batch sent again goes on after its last stored chunk.")
            .WithDescription("Takes in a whole batch of items from the assigning office, as JSON or CSV, and answers with its report (201 for a new batch, 200 for one already taken in). Another content type is refused with 415, an unreadable body or an invalid header with 400, and an upload of a batch another upload is still taking in with 409. An upload interrupted part-way (the database away, the service stopping) is answered 503 with Retry-After saying which rows were kept and that intake finishes the batch by itself (finishedByIntake, batchId, batchUrl); one the database refuses is answered 500, marked Failed, and the same batch sent again goes on after the rows kept.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/{id:guid}", GetBatch)
            .WithName("GetBatch")
            .WithSummary("A batch's status and counts so far (rows processed, accepted, already known, rejected), its row errors, and its attempts: when it was interrupted, why, and when intake took it up again")
            .WithDescription("Returns a batch's status, its counts so far and its row errors (the first ones), to follow a large batch being taken in. An unknown batch id is answered 404.");
        api.MapGet("/", FindBatch)
            .WithName("FindBatch")
            .WithSummary("The batch of this content (the SHA-256 of the uploaded body, lowercase hex) and reference (without one, the latest batch of this content), to follow an upload still being answered")
            .WithDescription("Finds the batch an upload of this reference and content created, with its status, counts so far and row errors, so that whoever sent it can follow it before its upload is answered. A blank reference or a content hash that is not 64 hexadecimal digits is refused with 400 naming it; no such batch (yet) is answered 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Created<BatchReport>, Ok<BatchReport>, ValidationProblem, ProblemHttpResult>> SubmitBatch(
        HttpContext http,
        BatchIntake intake,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions,
        TimeProvider clock,
        [FromQuery] string? batchReference,
        [FromQuery] string? assignedAt)
    {
        var cancellationToken = http.RequestAborted;
        var mediaType = http.Request.GetTypedHeaders().ContentType?.MediaType.Value?.ToLowerInvariant();
        if (mediaType is not ("text/csv" or "application/json"))
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "The batch must be JSON or CSV.",
                Detail = "Send Content-Type application/json or text/csv (UTF-8).",
            });
        }

        var charset = http.Request.GetTypedHeaders().ContentType?.Charset.Value;
        var encoding = mediaType == "text/csv" ? CsvEncodings.For(charset) : Encoding.UTF8;
        if (encoding is null)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "The CSV's character set is not one a batch may use.",
                Detail = $"charset={charset} is not taken: send UTF-8, or declare charset=gb18030 (GBK and GB2312 files decode as GB18030).",
            });
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBatchBytes;
        }

        // One pass to fingerprint the content (buffered to a temporary file beyond 1 MB), one to read it.
        http.Request.EnableBuffering(bufferThreshold: 1024 * 1024, bufferLimit: MaxBatchBytes);
        var body = http.Request.Body;
        string contentHash;
        var checker = new CsvEncodings.Checker(encoding);
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var block = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(block, cancellationToken)) > 0)
            {
                sha.AppendData(block, 0, read);
                checker.Check(block.AsSpan(0, read), last: false);
            }

            checker.Check([], last: true);
            contentHash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }

        // a CSV that does not decode is refused whole, before any row is taken, never stored as U+FFFD
        if (mediaType == "text/csv" && checker.InvalidLine is { } badLine)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [$"line {badLine}"] = [$"Line {badLine} is not valid {encoding.WebName}: save the file as UTF-8, or declare charset=gb18030."] },
                title: "The CSV could not be read.");
        }

        body.Position = 0;
        var currentYear = clock.GetUtcNow().Year;

        if (mediaType == "application/json")
        {
            var (submission, unreadable) = await BatchContent.ReadJsonAsync(body, jsonOptions.Value.SerializerOptions, cancellationToken);
            if (unreadable is not null)
            {
                return TypedResults.Problem(unreadable);
            }

            var (header, headerErrors) = BatchRules.ValidateHeader(submission?.BatchReference, submission?.AssignedAt, currentYear);
            if (submission?.Items is null)
            {
                headerErrors["items"] = ["The batch needs an items array."];
            }

            if (header is null || headerErrors.Count > 0)
            {
                return TypedResults.ValidationProblem(headerErrors, title: "The batch is not valid.");
            }

            await using var items = BatchContent.JsonRows(submission!.Items!);
            return RetryLaterIfStopped(http, await intake.ProcessAsync(new BatchUpload(header, contentHash, "json", null, body), items, currentYear, cancellationToken));
        }

        var (csvHeader, errors) = BatchRules.ValidateHeader(batchReference, assignedAt, currentYear);
        if (csvHeader is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The batch is not valid.");
        }

        var (rows, columnErrors) = await BatchContent.OpenCsvAsync(body, encoding, cancellationToken);
        if (rows is null)
        {
            return TypedResults.ValidationProblem(columnErrors, title: "The CSV header is not valid.");
        }

        await using (rows)
        {
            return RetryLaterIfStopped(http, await intake.ProcessAsync(new BatchUpload(csvHeader, contentHash, "csv", charset, body), rows, currentYear, cancellationToken));
        }
    }

    /// <summary>A batch that stopped for a reason that passes (503) is answered with when to post it again.</summary>
    private static TResult RetryLaterIfStopped<TResult>(HttpContext http, TResult result) where TResult : INestedHttpResult
    {
        if (result.Result is ProblemHttpResult { StatusCode: StatusCodes.Status503ServiceUnavailable })
        {
            http.Response.Headers.RetryAfter = "5";
        }

        return result;
    }

    public static async Task<Results<Ok<BatchReport>, ProblemHttpResult>> GetBatch(Guid id, BatchRepository batches, CancellationToken cancellationToken)
    {
        var batch = await batches.FindAsync(id, cancellationToken);
        if (batch is null)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No such batch.",
                Detail = $"No batch has the id {id}.",
            });
        }

        return TypedResults.Ok(BatchReport.From(batch, await batches.ErrorsAsync(id, MaxErrorsReported, cancellationToken), repeated: false));
    }

    public static async Task<Results<Ok<BatchReport>, ValidationProblem, ProblemHttpResult>> FindBatch(
        BatchRepository batches, CancellationToken cancellationToken, [FromQuery] string? reference = null, [FromQuery] string? contentHash = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (reference is not null && string.IsNullOrWhiteSpace(reference))
        {
            errors["reference"] = ["The batch's reference is required."];
        }

        if (contentHash is not { Length: 64 } || !contentHash.All(char.IsAsciiHexDigit))
        {
            errors["contentHash"] = ["The content hash is the SHA-256 of the uploaded body: 64 hexadecimal digits."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        var batch = reference is null
            ? await batches.FindByContentAsync(contentHash!.ToLowerInvariant(), cancellationToken)
            : await batches.FindAsync(reference.Trim(), contentHash!.ToLowerInvariant(), cancellationToken);
        if (batch is null)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No such batch.",
                Detail = reference is null ? "No batch has this content (yet)." : $"No batch {reference} has this content (yet).",
            });
        }

        return TypedResults.Ok(BatchReport.From(batch, await batches.ErrorsAsync(batch.Id, MaxErrorsReported, cancellationToken), repeated: false));
    }
}

/// <summary>A batch as JSON: the assigning office's reference, its date of assignment (yyyy-MM-dd or ISO 8601) and the items.</summary>
public sealed record BatchSubmission(string? BatchReference, string? AssignedAt, IReadOnlyList<ProposalSubmission?>? Items);

/// <summary>
/// What became of a batch: counts so far, its first row errors (line: CSV line, or the item's position
/// from 1 in JSON; at most a thousand are kept) and how many more there were. Every row through
/// <see cref="KeptThroughLine"/> is stored or reported; a batch that stopped part-way is Failed, with
/// why, and posted again goes on after that line.
/// </summary>
public sealed record BatchReport(
    Guid Id,
    string BatchReference,
    string Format,
    string Status,
    bool Repeated,
    DateTimeOffset? AssignedAt,
    int RowsProcessed,
    int Accepted,
    int AlreadyKnown,
    int Rejected,
    IReadOnlyList<RowError> Errors,
    int ErrorsNotKept,
    int KeptThroughLine,
    string? FailureReason,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? FailedAt,
    int Attempts,
    DateTimeOffset? ResumedAt,
    DateTimeOffset? InterruptedAt,
    string? InterruptionReason,
    bool FinishedByIntake)
{
    public static BatchReport From(BatchRecord b, IReadOnlyList<RowError> errors, bool repeated) => new(
        b.Id, b.Reference, b.Format, ((BatchStatus)b.Status).ToString(), repeated, b.AssignedAt,
        b.RowsProcessed,
        repeated ? 0 : b.Accepted,
        repeated ? b.Accepted + b.AlreadyKnown : b.AlreadyKnown,
        b.Rejected, errors, b.ErrorsNotKept, b.ProcessedThroughLine, b.FailureReason, b.ReceivedAt, b.CompletedAt, b.FailedAt,
        b.Attempts, b.ResumedAt, b.InterruptedAt, b.InterruptionReason, b.FinishedByIntake);
}
