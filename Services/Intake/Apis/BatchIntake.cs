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
/// row errors and the batch's progress commit together, so a batch stopped mid-way loses nothing.
/// A batch that stops (a database error, the service stopping, the client gone) is marked failed
/// with its reason, and its upload is answered with what was kept; posted again, it resumes after
/// its last chunk. One found in processing with no upload working on it is marked failed by
/// <see cref="Workers.AbandonedBatchSweep"/>.
/// </summary>
public sealed partial class BatchIntake(
    PlatformDatabase database,
    BatchRepository batches,
    ProposalRepository proposals,
    IndexingSignal indexing,
    AuditTrail audit,
    IHttpContextAccessor http,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<BatchIntake> logger)
{
    /// <summary>How long recording a failure may take once the upload itself was cancelled.</summary>
    private static readonly TimeSpan RecordingFailureTimeout = TimeSpan.FromSeconds(10);

    public async Task<Results<Created<BatchReport>, Ok<BatchReport>, ValidationProblem, ProblemHttpResult>> ProcessAsync(
        BatchHeader header,
        string contentHash,
        string format,
        IAsyncEnumerable<BatchRow> rows,
        Func<int, Func<string, string>> fieldNames,
        int currentYear,
        CancellationToken cancellationToken)
    {
        // a stopping service ends the upload at its next chunk, marked failed, rather than being cut off later
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var token = stopping.Token;

        await using var hold = await batches.TryLockAsync(header.Reference, contentHash, token);
        if (hold is null)
        {
            var running = await batches.FindAsync(header.Reference, contentHash, token);
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "This batch is being taken in by another upload.",
                Detail = running is null ? "Post it again in a moment." : $"Follow its progress at /api/intake/batches/{running.Id}.",
            });
        }

        var (batch, created) = await batches.FindOrCreateAsync(
            NewId.NextGuid(), header.Reference, contentHash, format, header.AssignedAt, clock.GetUtcNow(), token);
        if (batch.Status == (short)BatchStatus.Completed)
        {
            LogRepeated(logger, batch.Id, header.Reference);
            return TypedResults.Ok(BatchReport.From(batch, await batches.ErrorsAsync(batch.Id, BatchesApi.MaxErrorsReported, token), repeated: true));
        }

        if (!created)
        {
            LogResumed(logger, batch.Id, header.Reference, batch.ProcessedThroughLine);
        }

        // the upload's audit entry commits with its first change: whatever it stores is recorded as whose
        var entry = audit.Accepted(Caller.From(http.HttpContext!.User), "SubmitBatch", null,
            $"batch {batch.Id} ({header.Reference}), {format}{(created ? string.Empty : $", resumed after line {batch.ProcessedThroughLine}")}");
        try
        {
            await batches.StartAsync(batch.Id, clock.GetUtcNow(), token);
            await TakeInAsync(batch, header, rows, fieldNames, currentYear, entry, token);
            await batches.CompleteAsync(batch.Id, clock.GetUtcNow(), token);
        }
        catch (Exception ex)
        {
            var failure = BatchFailure.Of(ex, cancellationToken.IsCancellationRequested, lifetime.ApplicationStopping.IsCancellationRequested);
            var failed = await RecordFailureAsync(batch, failure, ex);
            if (cancellationToken.IsCancellationRequested)
            {
                throw; // the client is gone: nobody to answer
            }

            return TypedResults.Problem(Stopped(batch.Id, failed, failure));
        }

        var done = (await batches.FindAsync(batch.Id, token))!;
        LogCompleted(logger, done.Id, done.Reference, done.Accepted, done.AlreadyKnown, done.Rejected);
        var report = BatchReport.From(done, await batches.ErrorsAsync(done.Id, BatchesApi.MaxErrorsReported, token), repeated: false);
        return TypedResults.Created($"/api/intake/batches/{done.Id}", report);
    }

    private async Task TakeInAsync(
        BatchRecord batch, BatchHeader header, IAsyncEnumerable<BatchRow> rows, Func<int, Func<string, string>> fieldNames, int currentYear,
        AuditRecorded? entry, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>Marks the batch failed, as the database has it after the chunks that committed; null when even that could not be recorded.</summary>
    private async Task<BatchRecord?> RecordFailureAsync(BatchRecord batch, BatchFailure failure, Exception exception)
    {
        using var timeout = new CancellationTokenSource(RecordingFailureTimeout);
        try
        {
            var failed = await batches.FailAsync(batch.Id, failure.Reason, clock.GetUtcNow(), timeout.Token);
            LogFailed(logger, exception, batch.Id, batch.Reference, failed?.ProcessedThroughLine ?? batch.ProcessedThroughLine, failure.Reason);
            return failed;
        }
        catch (Exception recording)
        {
            // the database that failed the chunk may refuse this too: the sweep marks the batch failed later
            LogFailed(logger, exception, batch.Id, batch.Reference, batch.ProcessedThroughLine, failure.Reason);
            LogFailureNotRecorded(logger, recording, batch.Id);
            return null;
        }
    }

    /// <summary>The answer to an upload that stopped part-way: what was kept and how to go on, with the batch's report.</summary>
    private static ProblemDetails Stopped(Guid batchId, BatchRecord? failed, BatchFailure failure)
    {
        var problem = new ProblemDetails
        {
            Status = failure.Retry ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            Title = "The batch stopped part-way.",
            Detail = failed is not null
                ? failure.Detail(failed.ProcessedThroughLine, failed.RowsProcessed, failed.Accepted, failed.AlreadyKnown, failed.Rejected)
                : $"{failure.Reason} What the batch's chunks stored before is kept, but its progress could not be recorded: " +
                  $"see /api/intake/batches/{batchId}, and post the same batch again to go on after what was kept.",
        };
        problem.Extensions["batchId"] = batchId;
        if (failed is not null)
        {
            problem.Extensions["batch"] = BatchReport.From(failed, [], repeated: false);
        }

        return problem;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} ({Reference}) stopped after line {Line}: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid batchId, string reference, int line, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch {BatchId} could not be marked failed; the sweep of abandoned batches will")]
    private static partial void LogFailureNotRecorded(ILogger logger, Exception exception, Guid batchId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} ({Reference}) taken in: {Accepted} accepted, {AlreadyKnown} already known, {Rejected} rejected")]
    private static partial void LogCompleted(ILogger logger, Guid batchId, string reference, int accepted, int alreadyKnown, int rejected);
}
