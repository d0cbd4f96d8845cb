using System.Security.Cryptography;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;
using ProposalPlatform.UnitTests.PersonalData;

namespace ProposalPlatform.UnitTests.Intake;

public class Resuming_an_interrupted_batch
{
    private static readonly Guid Batch = Guid.Parse("5d1e2f3a-0000-4000-8000-000000000021");

    [Fact]
    public void A_batch_with_its_copy_and_attempts_left_is_taken_up_again()
    {
        Assert.Equal(BatchResumeDecision.Resume, BatchResume.Decide(attempts: 1, hasCopy: true));
        Assert.Equal(BatchResumeDecision.Resume, BatchResume.Decide(attempts: BatchResume.MaxAttempts - 1, hasCopy: true));
    }

    [Fact]
    public void A_batch_interrupted_five_times_fails_saying_so()
    {
        var decision = BatchResume.Decide(attempts: 5, hasCopy: true);

        Assert.Equal(BatchResumeDecision.FailInterruptedTooOften, decision);
        Assert.Equal("The batch was interrupted 5 times; intake does not take it up again by itself.", BatchResume.FailureReason(decision, 5));
    }

    [Fact]
    public void A_batch_with_no_copy_fails_saying_that_only_its_client_can_send_it_again()
    {
        var decision = BatchResume.Decide(attempts: 1, hasCopy: false);

        Assert.Equal(BatchResumeDecision.FailNoCopy, decision);
        Assert.Contains("before it had kept a copy", BatchResume.FailureReason(decision, 1), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchResume.FailureReason(BatchResumeDecision.Resume, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(300_000)]
    public async Task An_upload_is_kept_compressed_in_parts_and_reads_back_byte_for_byte(int items)
    {
        // a JSON batch as a client's serializer writes it: the Chinese text as \uXXXX escapes
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            Enumerable.Range(0, items / 100).Select(i => new { number = i, title = $"关于加强综合保税区建设的建议（{i}）", phone = $"138{i:D8}" }));
        body = items == 0 ? [] : items == 1 ? "x"u8.ToArray() : body;
        const int partSize = 4096;
        var parts = new List<byte[]>();

        var count = await BatchUploadCompression.CompressToPartsAsync(new MemoryStream(body), partSize, (place, part) =>
        {
            Assert.Equal(parts.Count, place);
            parts.Add(part.ToArray());
            return Task.CompletedTask;
        }, default);

        Assert.Equal(parts.Count, count);
        Assert.All(parts.SkipLast(1), part => Assert.Equal(partSize, part.Length));
        Assert.True(parts.Sum(p => p.Length) <= Math.Max(body.Length / 3, 64), $"{body.Length} bytes kept in {parts.Sum(p => p.Length)}");
        var read = new MemoryStream();
        using (var decompressor = new BatchUploadCompression.Decompressor(read))
        {
            foreach (var part in parts)
            {
                Assert.True(await decompressor.WriteAsync(part, default));
            }

            Assert.True(decompressor.Finished);
        }

        Assert.Equal(body, read.ToArray());
    }

    [Fact]
    public async Task A_copy_missing_its_last_part_or_with_a_part_out_of_place_does_not_read_as_whole()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i},建议{i * 7919 % 10007},13800{i:D6}\n")));
        var parts = new List<byte[]>();
        await BatchUploadCompression.CompressToPartsAsync(new MemoryStream(body), 1024, (place, part) =>
        {
            Assert.Equal(parts.Count, place);
            parts.Add(part.ToArray());
            return Task.CompletedTask;
        }, default);
        Assert.True(parts.Count > 3);

        using var truncated = new BatchUploadCompression.Decompressor(Stream.Null);
        foreach (var part in parts.SkipLast(1))
        {
            Assert.True(await truncated.WriteAsync(part, default));
        }

        Assert.False(truncated.Finished);

        using var swapped = new BatchUploadCompression.Decompressor(Stream.Null);
        var accepted = true;
        foreach (var part in new[] { parts[0], parts[2], parts[1] }.Concat(parts.Skip(3)))
        {
            accepted &= await swapped.WriteAsync(part, default);
        }

        Assert.False(accepted && swapped.Finished);
    }

    [Fact]
    public void The_interrupted_uploads_answer_says_what_was_kept_that_intake_finishes_it_and_where_to_follow_it()
    {
        var detail = BatchResume.InterruptedDetail("The intake service was stopping.", Batch, keptThroughLine: 1500, rowsProcessed: 1500, accepted: 1490, alreadyKnown: 9, rejected: 1);
        var none = BatchResume.InterruptedDetail("The intake service was stopping.", Batch, 0, 0, 0, 0, 0);

        Assert.Equal(
            "The rows through line 1500 were kept (1500 rows: 1490 items accepted, 9 already known, 1 rejected): The intake service was stopping. " +
            $"Intake kept a copy of the batch and takes in the rest by itself, nothing twice: follow it at /api/intake/batches/{Batch}; there is no need to post it again.",
            detail);
        Assert.StartsWith("No row of the batch was stored yet: The intake service was stopping. Intake kept a copy", none, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing was changed", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_part_of_the_copy_opens_for_its_batch_and_place_only()
    {
        var seal = new BatchUploadSeal(KeyRings.Cipher());
        var content = "suggestion,2001,13800000000"u8.ToArray();

        var sealedPart = seal.Seal(Batch, 3, content);

        Assert.Equal(content, seal.Open(Batch, 3, sealedPart));
        Assert.False(sealedPart.AsSpan().IndexOf("13800000000"u8) >= 0);
        Assert.ThrowsAny<CryptographicException>(() => seal.Open(Batch, 4, sealedPart));
        Assert.ThrowsAny<CryptographicException>(() => seal.Open(Guid.NewGuid(), 3, sealedPart));
    }

    [Fact]
    public void A_batch_is_finished_by_intake_while_it_keeps_a_copy_in_processing_or_after_an_attempt_of_its_own_completed_it()
    {
        var now = DateTimeOffset.UtcNow;
        var processing = Record(BatchStatus.Processing, uploadParts: 3, startedAt: now, resumedAt: null);

        Assert.True(processing.FinishedByIntake);
        Assert.False((processing with { UploadParts = null }).FinishedByIntake);
        Assert.True(Record(BatchStatus.Completed, null, startedAt: now, resumedAt: now).FinishedByIntake);
        Assert.False(Record(BatchStatus.Completed, null, startedAt: now, resumedAt: now.AddMinutes(-1)).FinishedByIntake); // posted again after
        Assert.False(Record(BatchStatus.Failed, null, startedAt: now, resumedAt: now).FinishedByIntake);
    }

    private static BatchRecord Record(BatchStatus status, int? uploadParts, DateTimeOffset startedAt, DateTimeOffset? resumedAt) => new(
        Batch, "NPC-2001-1", new string('a', 64), "json", null, (short)status, startedAt, startedAt, null, 500, 500, 500, 0, 0, 0, null, null,
        uploadParts, null, null, "client", "建议提案办理处", "HQ-OFFICE", "ProposalOffice", 2, startedAt, resumedAt, startedAt, "The intake service stopped while taking it in.");
}

public class Reading_the_copy_of_an_upload
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static async Task<List<ProposalPlatform.Intake.Domain.BatchRow>> RowsAsync(ProposalPlatform.Intake.Apis.OpenedBatch opened)
    {
        var rows = new List<ProposalPlatform.Intake.Domain.BatchRow>();
        await foreach (var row in opened.Rows)
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task A_csv_in_gb18030_reads_back_as_its_upload_did()
    {
        var csv = "kind,sessionYear,number,title,text,topic,submitterName,submitterProvince,submitterCity\r\n"
            + "Suggestion,2001,1,关于口岸建设的建议,建议加快口岸建设。,口岸,张三,广东省,深圳市\r\n"
            + "Suggestion,2001,2,关于通关便利化的建议,建议优化通关流程。,口岸,李四,广东省,广州市\r\n";
        var bytes = CsvEncodings.For("gb18030")!.GetBytes(csv);

        await using var opened = await ProposalPlatform.Intake.Apis.BatchContent.OpenCopyAsync(new MemoryStream(bytes), "csv", "gb18030", Json, CancellationToken.None);
        var rows = await RowsAsync(opened!);

        Assert.Equal([2, 3], rows.Select(r => r.Line));
        Assert.Equal(["关于口岸建设的建议", "关于通关便利化的建议"], rows.Select(r => r.Submission!.Title));
        Assert.Equal("sessionYear", opened!.FieldNames(2)("session.year"));
    }

    [Fact]
    public async Task A_json_batch_reads_back_item_by_item_with_its_json_paths()
    {
        var json = """{"batchReference":"NPC-2001-1","items":[{"kind":"Suggestion","number":1,"title":"关于口岸建设的建议"},null]}"""u8.ToArray();

        await using var opened = await ProposalPlatform.Intake.Apis.BatchContent.OpenCopyAsync(new MemoryStream(json), "json", null, Json, CancellationToken.None);
        var rows = await RowsAsync(opened!);

        Assert.Equal("关于口岸建设的建议", rows[0].Submission!.Title);
        Assert.Equal("items[1]", Assert.Single(rows[1].Errors).Field);
        Assert.Equal("items[0].title", opened!.FieldNames(1)("title"));
    }

    [Fact]
    public async Task A_copy_that_no_longer_reads_as_a_batch_is_none()
    {
        Assert.Null(await ProposalPlatform.Intake.Apis.BatchContent.OpenCopyAsync(new MemoryStream("{\"items\":"u8.ToArray()), "json", null, Json, CancellationToken.None));
        Assert.Null(await ProposalPlatform.Intake.Apis.BatchContent.OpenCopyAsync(new MemoryStream("a,b\r\n"u8.ToArray()), "csv", "latin1", Json, CancellationToken.None));
    }
}
