using System.Security.Cryptography;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
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

/// <summary>An upload of a batch as its endpoint read it: the header, the SHA-256 of the body, the format, the CSV's charset, and the body itself (seekable), of which intake keeps a copy.</summary>
public sealed record BatchUpload(BatchHeader Header, string ContentHash, string Format, string? Charset, Stream Body);

/// <summary>
/// Takes in a batch's rows in chunks: each chunk's items, their ProposalRegistered events (outbox),
/// row errors and the batch's progress commit together, so a batch stopped mid-way loses nothing.
/// Before the first row intake keeps a sealed copy of the upload; a batch interrupted by a passing
/// fault (the database, the service stopping, the client gone) or a crash stays in processing and is
/// finished from that copy by <see cref="Workers.BatchResumer"/> (this replica or another), after its
/// last committed chunk; one the database refuses is marked failed, and posted again resumes after it.
/// </summary>
public sealed partial class BatchIntake(
    PlatformDatabase database,
    BatchRepository batches,
    ProposalRepository proposals,
    BatchUploadSeal seal,
    IndexingSignal indexing,
    AuditTrail audit,
    IHttpContextAccessor http,
    IHostApplicationLifetime lifetime,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions,
    TimeProvider clock,
    ILogger<BatchIntake> logger)
{
    /// <summary>How long recording a stop may take once the attempt itself was cancelled.</summary>
    private static readonly TimeSpan RecordingStopTimeout = TimeSpan.FromSeconds(10);

    public async Task<Results<Created<BatchReport>, Ok<BatchReport>, ValidationProblem, ProblemHttpResult>> ProcessAsync(
        BatchUpload upload, OpenedBatch rows, int currentYear, CancellationToken cancellationToken)
    {
        // a stopping service ends the upload at its next chunk, rather than being cut off later
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var token = stopping.Token;
        var header = upload.Header;

        await using var hold = await batches.TryLockAsync(header.Reference, upload.ContentHash, token);
        if (hold is null)
        {
            var running = await batches.FindAsync(header.Reference, upload.ContentHash, token);
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "This batch is being taken in by another upload.",
                Detail = running is null ? "Post it again in a moment." : $"Follow its progress at /api/intake/batches/{running.Id}.",
            });
        }

        var (batch, created) = await batches.FindOrCreateAsync(
            NewId.NextGuid(), header.Reference, upload.ContentHash, upload.Format, header.AssignedAt, clock.GetUtcNow(), token);
        if (batch.Status == (short)BatchStatus.Completed)
        {
            LogRepeated(logger, batch.Id, header.Reference);
            return TypedResults.Ok(BatchReport.From(batch, await batches.ErrorsAsync(batch.Id, BatchesApi.MaxErrorsReported, token), repeated: true));
        }

        var caller = Caller.From(http.HttpContext!.User);
        var saved = batch.HasCopy;
        var progress = new AttemptProgress(batch);
        try
        {
            if (!saved)
            {
                await SaveCopyAsync(batch.Id, upload, caller, token);
                saved = true;
            }

            batch = await batches.BeginAttemptAsync(batch.Id, resuming: false, clock.GetUtcNow(), token) ?? batch;
            progress = new AttemptProgress(batch);
            if (!created)
            {
                LogPostedAgain(logger, batch.Id, header.Reference, batch.ProcessedThroughLine);
            }

            // the upload's audit entry commits with its first change: whatever it stores is recorded as whose
            var entry = audit.Accepted(caller, "SubmitBatch", null,
                $"batch {batch.Id} ({header.Reference}), {upload.Format}{(created ? string.Empty : $", resumed after line {batch.ProcessedThroughLine}")}");
            await TakeInAsync(batch, header, rows, currentYear, entry, progress, token);
            await batches.CompleteAsync(batch.Id, clock.GetUtcNow(), token);
        }
        catch (BatchTakenOverException taken)
        {
            LogTakenOver(logger, taken, batch.Id);
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "This batch is being taken in by another upload.",
                Detail = $"Follow its progress at /api/intake/batches/{batch.Id}.",
            });
        }
        catch (Exception ex)
        {
            var failure = BatchFailure.Of(ex, cancellationToken.IsCancellationRequested, lifetime.ApplicationStopping.IsCancellationRequested);
            var (finishedByIntake, stopped) = await RecordStopAsync(batch, failure, saved, ex);
            if (cancellationToken.IsCancellationRequested)
            {
                throw; // the client is gone: nobody to answer
            }

            return TypedResults.Problem(Stopped(batch.Id, stopped, progress, failure, finishedByIntake));
        }

        var done = (await batches.FindAsync(batch.Id, token))!;
        LogCompleted(logger, done.Id, done.Reference, done.Accepted, done.AlreadyKnown, done.Rejected);
        var report = BatchReport.From(done, await batches.ErrorsAsync(done.Id, BatchesApi.MaxErrorsReported, token), repeated: false);
        return TypedResults.Created($"/api/intake/batches/{done.Id}", report);
    }

    /// <summary>
    /// Finishes a batch found in processing, from the copy intake kept of its upload, after its last
    /// committed chunk, when nobody else works on it (its lock is free); fails it with why when it has no
    /// copy or was interrupted too often. False when somebody else holds it, or it is no longer in processing.
    /// </summary>
    public async Task<bool> ResumeAsync(BatchRecord found, CancellationToken stoppingToken)
    {
        await using var hold = await batches.TryLockAsync(found.Reference, found.ContentHash, stoppingToken);
        if (hold is null)
        {
            return false; // an upload or another replica is working on it
        }

        var batch = await batches.FindAsync(found.Id, stoppingToken);
        if (batch is not { Status: (short)BatchStatus.Processing })
        {
            return false; // finished, or failed, since it was listed
        }

        var decision = BatchResume.Decide(batch.Attempts, batch.HasCopy);
        if (decision != BatchResumeDecision.Resume)
        {
            var reason = BatchResume.FailureReason(decision, batch.Attempts);
            await batches.FailAsync(batch.Id, reason, clock.GetUtcNow(), stoppingToken);
            LogNotResumed(logger, batch.Id, batch.Reference, batch.ProcessedThroughLine, reason);
            return true;
        }

        batch = await batches.BeginAttemptAsync(batch.Id, resuming: true, clock.GetUtcNow(), stoppingToken) ?? batch;
        LogResuming(logger, batch.Id, batch.Reference, batch.ProcessedThroughLine, batch.Attempts, batch.InterruptionReason);
        var progress = new AttemptProgress(batch);
        try
        {
            await using var copy = new FileStream(
                Path.Combine(Path.GetTempPath(), $"intake-batch-{batch.Id:N}-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
                81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            if (!await batches.ReadUploadAsync(batch, seal, copy, stoppingToken) || !await IsContentAsync(copy, batch.ContentHash, stoppingToken))
            {
                await FailUnusableCopyAsync(batch, null, stoppingToken);
                return true;
            }

            await using var rows = await BatchContent.OpenCopyAsync(copy, batch.Format, batch.UploadEncoding, jsonOptions.Value.SerializerOptions, stoppingToken);
            if (rows is null)
            {
                await FailUnusableCopyAsync(batch, null, stoppingToken);
                return true;
            }

            // the attempt's writes are the submitter's, as the upload's were
            var entry = audit.Event("ResumeBatch", AuditOutcomes.Accepted, 0, batch.SubmittedById ?? "intake", batch.SubmittedByName ?? "intake",
                batch.SubmittedByUnit, batch.SubmitterRoles, $"batch {batch.Id} ({batch.Reference}), {batch.Format}, attempt {batch.Attempts}, resumed after line {batch.ProcessedThroughLine}");
            await TakeInAsync(batch, new BatchHeader(batch.Reference, batch.AssignedAt), rows, clock.GetUtcNow().Year, entry, progress, stoppingToken);
            await batches.CompleteAsync(batch.Id, clock.GetUtcNow(), stoppingToken);
            var done = (await batches.FindAsync(batch.Id, stoppingToken))!;
            LogResumedCompleted(logger, done.Id, done.Reference, done.Attempts, done.Accepted, done.AlreadyKnown, done.Rejected);
        }
        catch (BatchTakenOverException taken)
        {
            LogTakenOver(logger, taken, batch.Id);
        }
        catch (CryptographicException unreadable)
        {
            await FailUnusableCopyAsync(batch, unreadable, stoppingToken);
        }
        catch (Exception ex)
        {
            await RecordStopAsync(batch, BatchFailure.Of(ex, clientGone: false, stopping: stoppingToken.IsCancellationRequested), saved: true, ex);
            if (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
        }

        return true;
    }

    private async Task SaveCopyAsync(Guid batchId, BatchUpload upload, Caller caller, CancellationToken cancellationToken)
    {
        // the rows are read from the same body: it goes back to where they are once the copy is kept
        var position = upload.Body.Position;
        upload.Body.Position = 0;
        await batches.SaveUploadAsync(batchId, upload.Body, upload.Charset, caller, seal, clock.GetUtcNow(), cancellationToken);
        upload.Body.Position = position;
    }

    private static async Task<bool> IsContentAsync(Stream copy, string contentHash, CancellationToken cancellationToken)
    {
        copy.Position = 0;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(copy, cancellationToken));
        copy.Position = 0;
        return hash == contentHash;
    }

    private async Task FailUnusableCopyAsync(BatchRecord batch, Exception? exception, CancellationToken cancellationToken)
    {
        await batches.FailAsync(batch.Id, BatchResume.CopyUnusableReason, clock.GetUtcNow(), cancellationToken);
        LogCopyUnusable(logger, exception, batch.Id, batch.Reference);
    }

    private async Task TakeInAsync(
        BatchRecord batch, BatchHeader header, OpenedBatch opened, int currentYear, AuditRecorded? entry, AttemptProgress progress, CancellationToken cancellationToken)
    {
        var valid = new List<ValidBatchRow>(BatchRules.ChunkSize);
        var errors = new List<RowError>();
        var rowsInChunk = 0;
        var lastLine = batch.ProcessedThroughLine;
        await foreach (var row in opened.Rows.WithCancellation(cancellationToken))
        {
            if (row.Line <= batch.ProcessedThroughLine)
            {
                continue; // stored by an earlier attempt
            }

            var (ok, rowErrors) = BatchRules.Validate(row, header, currentYear, opened.FieldNames(row.Line));
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
                await StoreChunkAsync(batch, valid, errors, rowsInChunk, lastLine, entry, progress, cancellationToken);
                entry = null;
                valid.Clear();
                errors.Clear();
                rowsInChunk = 0;
            }
        }

        if (rowsInChunk > 0 || entry is not null)
        {
            await StoreChunkAsync(batch, valid, errors, rowsInChunk, lastLine, entry, progress, cancellationToken);
        }
    }

    /// <summary>
    /// Records why an attempt stopped: a passing fault on a batch whose copy is kept leaves it in processing
    /// for intake to finish (true); anything else marks it failed. The batch as the database then has it,
    /// null when even that could not be recorded (a batch still in processing is found by the resumer then).
    /// </summary>
    private async Task<(bool FinishedByIntake, BatchRecord? Batch)> RecordStopAsync(BatchRecord batch, BatchFailure failure, bool saved, Exception exception)
    {
        var interrupted = saved && failure.Retry;
        using var timeout = new CancellationTokenSource(RecordingStopTimeout);
        while (true)
        {
            try
            {
                // only the attempt's own: a later attempt that took the batch up meanwhile owns it
                var stopped = interrupted
                    ? await batches.InterruptAsync(batch.Id, batch.Attempts, failure.Reason, clock.GetUtcNow(), timeout.Token)
                    : await batches.FailAsync(batch.Id, failure.Reason, clock.GetUtcNow(), timeout.Token, batch.Attempts == 0 ? null : batch.Attempts);
                LogStopped(logger, exception, batch.Id, batch.Reference, stopped?.ProcessedThroughLine ?? batch.ProcessedThroughLine, failure.Reason, interrupted);
                return (interrupted, stopped);
            }
            catch (Exception recording) when (!timeout.IsCancellationRequested && TransientFaults.IsPassing(recording))
            {
                // a database cut off may be back in a moment (a restarted server): the reason is worth the wait
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    // the next try ends at once
                }
            }
            catch (Exception recording)
            {
                // the database that failed the chunk may refuse this too: the batch stays in processing, and the resumer finds it
                LogStopped(logger, exception, batch.Id, batch.Reference, batch.ProcessedThroughLine, failure.Reason, interrupted);
                LogStopNotRecorded(logger, recording, batch.Id);
                return (saved, null);
            }
        }
    }

    /// <summary>
    /// The answer to an upload that stopped part-way: what was kept, and whether intake finishes the batch
    /// by itself (then there is nothing to send again) or the same batch must be posted again to go on.
    /// </summary>
    private static ProblemDetails Stopped(Guid batchId, BatchRecord? stopped, AttemptProgress progress, BatchFailure failure, bool finishedByIntake)
    {
        var (line, rows, accepted, known, rejected) = stopped is not null
            ? (stopped.ProcessedThroughLine, stopped.RowsProcessed, stopped.Accepted, stopped.AlreadyKnown, stopped.Rejected)
            : (progress.ThroughLine, progress.Rows, progress.Accepted, progress.AlreadyKnown, progress.Rejected);
        var problem = new ProblemDetails
        {
            Status = finishedByIntake || failure.Retry ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            Title = finishedByIntake ? "The batch was interrupted; intake finishes it by itself." : "The batch stopped part-way.",
            Detail = finishedByIntake
                ? BatchResume.InterruptedDetail(failure.Reason, batchId, line, rows, accepted, known, rejected)
                : stopped is not null
                    ? failure.Detail(line, rows, accepted, known, rejected)
                    : $"{failure.Reason} What the batch's chunks stored before is kept, but its progress could not be recorded: " +
                      $"see /api/intake/batches/{batchId}, and post the same batch again to go on after what was kept.",
        };
        problem.Extensions["batchId"] = batchId;
        problem.Extensions["batchUrl"] = BatchResume.BatchUrl(batchId);
        problem.Extensions["finishedByIntake"] = finishedByIntake;
        problem.Extensions["processedThroughLine"] = line;
        if (stopped is not null)
        {
            problem.Extensions["batch"] = BatchReport.From(stopped, [], repeated: false);
        }

        return problem;
    }

    private async Task StoreChunkAsync(
        BatchRecord batch, List<ValidBatchRow> valid, List<RowError> errors, int rows, int throughLine, AuditRecorded? entry, AttemptProgress progress,
        CancellationToken cancellationToken)
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

        // committed only while the batch is still where this attempt left it: two attempts never both store a chunk
        await BatchRepository.RecordChunkAsync(
            work, batch.Id, progress.ThroughLine, throughLine, rows, inserted.Count, items.Count - inserted.Count, errors, now, cancellationToken);
        if (entry is not null)
        {
            await work.PublishAsync(entry, cancellationToken);
        }

        await work.CommitAsync(cancellationToken);
        progress.Committed(throughLine, rows, inserted.Count, items.Count - inserted.Count, errors.Select(e => e.Line).Distinct().Count());
        if (inserted.Count > 0)
        {
            indexing.Notify();
        }
    }

    /// <summary>Where an attempt stands: the batch's line and counts after the chunks it committed.</summary>
    private sealed class AttemptProgress(BatchRecord batch)
    {
        public int ThroughLine { get; private set; } = batch.ProcessedThroughLine;
        public int Rows { get; private set; } = batch.RowsProcessed;
        public int Accepted { get; private set; } = batch.Accepted;
        public int AlreadyKnown { get; private set; } = batch.AlreadyKnown;
        public int Rejected { get; private set; } = batch.Rejected;

        public void Committed(int throughLine, int rows, int accepted, int alreadyKnown, int rejected)
        {
            ThroughLine = throughLine;
            Rows += rows;
            Accepted += accepted;
            AlreadyKnown += alreadyKnown;
            Rejected += rejected;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} ({Reference}) uploaded again with the same content; nothing changed")]
    private static partial void LogRepeated(ILogger logger, Guid batchId, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} ({Reference}) posted again goes on after line {Line}")]
    private static partial void LogPostedAgain(ILogger logger, Guid batchId, string reference, int line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} ({Reference}) stopped after line {Line}: {Reason} (left for intake to finish: {Interrupted})")]
    private static partial void LogStopped(ILogger logger, Exception exception, Guid batchId, string reference, int line, string reason, bool interrupted);

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch {BatchId}'s stop could not be recorded; it stays in processing, for intake to take up again")]
    private static partial void LogStopNotRecorded(ILogger logger, Exception exception, Guid batchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} was taken over by another attempt; this one stops")]
    private static partial void LogTakenOver(ILogger logger, Exception exception, Guid batchId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} ({Reference}) taken in: {Accepted} accepted, {AlreadyKnown} already known, {Rejected} rejected")]
    private static partial void LogCompleted(ILogger logger, Guid batchId, string reference, int accepted, int alreadyKnown, int rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} ({Reference}) taken up again after line {Line} from its saved copy, attempt {Attempt}; interrupted by: {Reason}")]
    private static partial void LogResuming(ILogger logger, Guid batchId, string reference, int line, int attempt, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} ({Reference}) finished by intake in {Attempts} attempts: {Accepted} accepted, {AlreadyKnown} already known, {Rejected} rejected")]
    private static partial void LogResumedCompleted(ILogger logger, Guid batchId, string reference, int attempts, int accepted, int alreadyKnown, int rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} ({Reference}) left in processing after line {Line} cannot be finished by intake: {Reason}; marked failed")]
    private static partial void LogNotResumed(ILogger logger, Guid batchId, string reference, int line, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The saved copy of batch {BatchId} ({Reference}) could not be read back; marked failed")]
    private static partial void LogCopyUnusable(ILogger logger, Exception? exception, Guid batchId, string reference);
}
