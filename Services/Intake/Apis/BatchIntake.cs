using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Contracts.Audit;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Audit;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Application;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;
using ProposalPlatform.Intake.Workers;

namespace ProposalPlatform.Intake.Apis;

/// <summary>
/// Takes in a batch's rows in chunks: each chunk's items, their ProposalRegistered events (outbox),
/// row errors and the batch's progress commit together, so a batch stopped mid-way loses nothing and
/// resumes after its last chunk when uploaded again.
/// </summary>
public sealed partial class BatchIntake(
    PlatformDatabase database,
    BatchRepository batches,
    ProposalRepository proposals,
    IndexingSignal indexing,
    AuditTrail audit,
    IHttpContextAccessor http,
    TimeProvider clock,
    ILogger<BatchIntake> logger)
{
    public async Task<Results<Created<BatchReport>, Ok<BatchReport>, ValidationProblem, ProblemHttpResult>> ProcessAsync(
        BatchHeader header,
        string contentHash,
        string format,
        IAsyncEnumerable<BatchRow> rows,
        Func<int, Func<string, string>> fieldNames,
        int currentYear,
        CancellationToken cancellationToken)
    {
        var (batch, created) = await batches.FindOrCreateAsync(
            NewId.NextGuid(), header.Reference, contentHash, format, header.AssignedAt, clock.GetUtcNow(), cancellationToken);
        if (batch.Status == (short)BatchStatus.Completed)
        {
            LogRepeated(logger, batch.Id, header.Reference);
            return TypedResults.Ok(BatchReport.From(batch, await batches.ErrorsAsync(batch.Id, BatchesApi.MaxErrorsReported, cancellationToken), repeated: true));
        }

        await using var hold = await batches.TryLockAsync(batch.Id, cancellationToken);
        if (hold is null)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "This batch is being taken in by another upload.",
                Detail = $"Follow its progress at /api/intake/batches/{batch.Id}.",
            });
        }

        // After the lock: another upload may have finished it meanwhile, or stored some chunks.
        batch = (await batches.FindAsync(batch.Id, cancellationToken))!;
        if (batch.Status == (short)BatchStatus.Completed)
        {
            return TypedResults.Ok(BatchReport.From(batch, await batches.ErrorsAsync(batch.Id, BatchesApi.MaxErrorsReported, cancellationToken), repeated: true));
        }

        if (!created)
        {
            LogResumed(logger, batch.Id, header.Reference, batch.ProcessedThroughLine);
        }

        // the upload's audit entry commits with its first change: whatever it stores is recorded as whose
        var entry = audit.Accepted(Caller.From(http.HttpContext!.User), "SubmitBatch", null,
            $"batch {batch.Id} ({header.Reference}), {format}{(created ? string.Empty : $", resumed after line {batch.ProcessedThroughLine}")}");
        var valid = new List<ValidBatchRow>(BatchRules.ChunkSize);
        var errors = new List<RowError>();
        var rowsInChunk = 0;
        var lastLine = batch.ProcessedThroughLine;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (row.Line <= batch.ProcessedThroughLine)
            {
                continue; // stored by an earlier upload of the same content
            }

            var (ok, rowErrors) = BatchRules.Validate(row, header, currentYear, fieldNames(row.Line));
            if (ok is not null)
            {
                valid.Add(ok);
            }
            else
            {
                errors.AddRange(rowErrors);
            }

            rowsInChunk++;
            lastLine = row.Line;
            if (rowsInChunk >= BatchRules.ChunkSize)
            {
                await StoreChunkAsync(batch, valid, errors, rowsInChunk, lastLine, entry, cancellationToken);
                entry = null;
                valid.Clear();
                errors.Clear();
                rowsInChunk = 0;
            }
        }

        if (rowsInChunk > 0 || entry is not null)
        {
            await StoreChunkAsync(batch, valid, errors, rowsInChunk, lastLine, entry, cancellationToken);
        }

        await batches.CompleteAsync(batch.Id, clock.GetUtcNow(), cancellationToken);
        var done = (await batches.FindAsync(batch.Id, cancellationToken))!;
        LogCompleted(logger, done.Id, done.Reference, done.Accepted, done.AlreadyKnown, done.Rejected);
        var report = BatchReport.From(done, await batches.ErrorsAsync(done.Id, BatchesApi.MaxErrorsReported, cancellationToken), repeated: false);
        return TypedResults.Created($"/api/intake/batches/{done.Id}", report);
    }

    private async Task StoreChunkAsync(
        BatchRecord batch, List<ValidBatchRow> valid, List<RowError> errors, int rows, int throughLine, AuditRecorded? entry, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var items = valid.Select(v => (Id: NewId.NextGuid(), v.Proposal)).ToList();
        await using var work = await database.BeginAsync(cancellationToken);
        var inserted = await proposals.RegisterManyAsync(work, items, now, cancellationToken);
        if (inserted.Count > 0)
        {
            await work.PublishAsync(
                new ProposalsRegistered(batch.Id, batch.Reference, [.. items.Where(i => inserted.Contains(i.Id)).Select(i => RegisterProposalHandler.Registered(i.Id, i.Proposal, now))]),
                cancellationToken);
        }

        await BatchRepository.RecordChunkAsync(work, batch.Id, throughLine, rows, inserted.Count, items.Count - inserted.Count, errors, now, cancellationToken);
        if (entry is not null)
        {
            await work.PublishAsync(entry, cancellationToken);
        }

        await work.CommitAsync(cancellationToken);
        if (inserted.Count > 0)
        {
            indexing.Notify();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} ({Reference}) uploaded again with the same content; nothing changed")]
    private static partial void LogRepeated(ILogger logger, Guid batchId, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} ({Reference}) resumes after line {Line}")]
    private static partial void LogResumed(ILogger logger, Guid batchId, string reference, int line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} ({Reference}) taken in: {Accepted} accepted, {AlreadyKnown} already known, {Rejected} rejected")]
    private static partial void LogCompleted(ILogger logger, Guid batchId, string reference, int accepted, int alreadyKnown, int rejected);
}
