using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace ProposalPlatform.Infrastructure.Export;

/// <summary>
/// Writes a <see cref="SpreadsheetTable{T}"/> as an Excel workbook with MiniExcel, one row at a time
/// as the rows are read: MiniExcel takes the rows from a data reader over the table (its headers even
/// when there is no row), and writes the sheet into the zip package as it goes (not in its fast mode,
/// which keeps the package in memory to go back over it), so a large export keeps a small, flat memory.
/// </summary>
internal static class SpreadsheetXlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string SheetName = "Sheet1";

    private static readonly OpenXmlConfiguration Configuration = new()
    {
        FastMode = false,
        // how many characters MiniExcel gathers before it compresses them into the package (512 K unless told)
        BufferSize = 64 * 1024,
        FreezeRowCount = 1,
        AutoFilter = true,
    };

    public static async Task WriteAsync<T>(Stream stream, SpreadsheetTable<T> table, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var body = new SynchronousWritesHeld(stream);
        await using (var reader = new TableReader<T>(table, rows, cancellationToken))
        {
            await body.SaveAsAsync(reader, printHeader: true, SheetName, ExcelType.XLSX, Configuration, cancellationToken);
        }

        await body.FlushAsync(cancellationToken);
    }

    /// <summary>The rows as MiniExcel reads a data reader: a field per column, its text neutralised, its number a number.</summary>
    private sealed class TableReader<T>(SpreadsheetTable<T> table, IAsyncEnumerable<T> rows, CancellationToken cancellationToken) : MiniExcelDataReaderBase
    {
        private readonly IAsyncEnumerator<T> _rows = rows.GetAsyncEnumerator(cancellationToken);

        public override int FieldCount => table.Columns.Count;

        public override string GetName(int i) => table.Columns[i].Header;

        public override object GetValue(int i) => table.Columns[i].Cell(_rows.Current) switch
        {
            string text => SpreadsheetCells.Neutralise(text),
            null => null!,
            var number => number,
        };

        public override async Task<bool> ReadAsync(CancellationToken cancellationToken = default) => await _rows.MoveNextAsync();

        public override bool Read() => throw new NotSupportedException("The rows are read asynchronously.");

        public override async ValueTask DisposeAsync()
        {
            await _rows.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    /// <summary>
    /// The response body as MiniExcel may write to it: it ends each part of the package (and the
    /// package's directory) with a few synchronous writes, which a response body refuses. Those bytes
    /// wait here and go out, in order, before the next asynchronous write or at the flush.
    /// </summary>
    private sealed class SynchronousWritesHeld(Stream inner) : Stream
    {
        private readonly MemoryStream _held = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _held.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _held.Write(buffer);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await SendHeldAsync(cancellationToken);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        // a synchronous flush leaves the bytes held: the next asynchronous write or flush sends them
        public override void Flush()
        {
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await SendHeldAsync(cancellationToken);
            await inner.FlushAsync(cancellationToken);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _held.Dispose();
            }

            base.Dispose(disposing);
        }

        private async Task SendHeldAsync(CancellationToken cancellationToken)
        {
            if (_held.Length > 0)
            {
                await inner.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), cancellationToken);
                _held.SetLength(0);
            }
        }
    }
}
