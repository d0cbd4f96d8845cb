using System.Text;
using MiniExcelLibs;
using ProposalPlatform.Infrastructure.Export;

namespace ProposalPlatform.UnitTests.Export;

public class Writing_a_spreadsheet_table
{
    private sealed record Item(int Number, string Title, DateTimeOffset RegisteredAt, DateTimeOffset? AssignedAt, bool IsKeyItem);

    private static readonly SpreadsheetTable<Item> Table = new SpreadsheetTable<Item>()
        .Number("编号", i => i.Number)
        .Text("标题", i => i.Title)
        .Time("登记时间", i => i.RegisteredAt)
        .Time("交办时间", i => i.AssignedAt)
        .YesNo("重点", i => i.IsKeyItem);

    private static readonly Item[] Items =
    [
        // 06:30 UTC is 14:30 in Beijing
        new(1234, "关于加快综合保税区建设的建议", new DateTimeOffset(2026, 3, 5, 6, 30, 0, TimeSpan.Zero), null, true),
        new(7, "=1+1", new DateTimeOffset(2026, 3, 5, 23, 59, 0, TimeSpan.FromHours(-1)), new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8)), false),
    ];

    private static async Task<MemoryStream> WriteAsync(SpreadsheetFormat format, IEnumerable<Item> items)
    {
        var stream = new MemoryStream();
        await Table.WriteAsync(stream, format, items.ToAsyncEnumerable(), CancellationToken.None);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task Writes_csv_with_chinese_headers_beijing_times_and_no_cell_a_formula()
    {
        // Act
        using var stream = await WriteAsync(SpreadsheetFormat.Csv, Items);

        // Assert
        var csv = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(
            "\uFEFF\"编号\",\"标题\",\"登记时间\",\"交办时间\",\"重点\"\r\n"
            + "\"1234\",\"关于加快综合保税区建设的建议\",\"2026-03-05 14:30\",\"\",\"是\"\r\n"
            + "\"7\",\"'=1+1\",\"2026-03-06 08:59\",\"2026-04-01 09:00\",\"否\"\r\n",
            csv);
    }

    [Fact]
    public async Task Writes_an_excel_workbook_that_reads_back_with_the_same_headers_and_cells()
    {
        // Act
        using var stream = await WriteAsync(SpreadsheetFormat.Xlsx, Items);

        // Assert: the headers as written, numbers as numbers, texts as texts, the formula neutralised
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["编号", "标题", "登记时间", "交办时间", "重点"], rows[0].Keys);
        Assert.Equal(2, rows.Count);
        Assert.Equal(1234d, rows[0]["编号"]);
        Assert.Equal("关于加快综合保税区建设的建议", rows[0]["标题"]);
        Assert.Equal("2026-03-05 14:30", rows[0]["登记时间"]);
        Assert.Null(rows[0]["交办时间"]);
        Assert.Equal("是", rows[0]["重点"]);
        Assert.Equal("'=1+1", rows[1]["标题"]);
        Assert.Equal("2026-03-06 08:59", rows[1]["登记时间"]);
        Assert.Equal("2026-04-01 09:00", rows[1]["交办时间"]);
    }

    [Fact]
    public async Task An_export_of_no_rows_still_has_its_headers_in_either_format()
    {
        // Act
        using var xlsx = await WriteAsync(SpreadsheetFormat.Xlsx, []);
        using var csv = await WriteAsync(SpreadsheetFormat.Csv, []);

        // Assert
        var header = Assert.Single(xlsx.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>());
        Assert.Equal(["编号", "标题", "登记时间", "交办时间", "重点"], header.Values);
        Assert.Equal("\uFEFF\"编号\",\"标题\",\"登记时间\",\"交办时间\",\"重点\"\r\n", Encoding.UTF8.GetString(csv.ToArray()));
    }

    [Fact]
    public async Task Writes_the_workbook_to_a_response_body_while_the_rows_are_read()
    {
        // Arrange: a body that, like Kestrel's, refuses synchronous writes and cannot seek; rows that
        // note how much of the file has gone out when each is read
        const int count = 15_000;
        var body = new ResponseBody();
        var sentWhenRead = new long[count];
        async IAsyncEnumerable<Item> Rows()
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                sentWhenRead[i] = body.Sent;
                yield return new Item(i + 1, $"关于第{i + 1}项的建议：加快综合保税区建设、优化口岸营商环境", DateTimeOffset.UnixEpoch.AddMinutes(i), null, i % 7 == 0);
            }
        }

        // Act
        await Table.WriteAsync(body, SpreadsheetFormat.Xlsx, Rows(), CancellationToken.None);

        // Assert: most of the file had gone out before the last row was read, and the file is whole
        Assert.True(sentWhenRead[^1] > body.Sent / 2, $"{sentWhenRead[^1]:N0} of {body.Sent:N0} bytes sent when the last row was read");
        using var written = new MemoryStream(body.Bytes);
        Assert.Equal(count, written.Query(useHeaderRow: true).Count());
    }

    [Fact]
    public void A_table_names_each_column_once()
    {
        var table = new SpreadsheetTable<Item>().Text("标题", i => i.Title);

        Assert.Throws<ArgumentException>(() => table.Text("标题", i => i.Title));
    }

    /// <summary>A response body as Kestrel gives it: write-only, no seeking, no synchronous write or flush.</summary>
    private sealed class ResponseBody : Stream
    {
        private readonly MemoryStream _bytes = new();

        public long Sent => _bytes.Length;

        public byte[] Bytes => _bytes.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _bytes.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
