using System.Buffers;
using System.IO.Compression;

namespace ProposalPlatform.Intake.Data;

/// <summary>
/// The saved copy of an upload is compressed (Brotli, its fastest quality) before it is cut into parts
/// and sealed. A batch's body is mostly text, a JSON one mostly <c>\uXXXX</c> escapes: kept as it came,
/// the copies of a 15,100-item session were 120 MB written to intake's database (and its WAL), which cost
/// more than storing the items themselves; compressed they are a third to a quarter of that, for a few
/// milliseconds of one core per MiB.
/// </summary>
public static class BatchUploadCompression
{
    /// <summary>The name recorded with a copy kept this way (<c>intake_batches.upload_compression</c>); a copy without one is the body as it came.</summary>
    public const string Brotli = "br";

    private const int Quality = 1;
    private const int Window = 22;
    private const int ReadSize = 64 * 1024;

    /// <summary>
    /// Compresses <paramref name="body"/> from where it stands to its end and hands the result to
    /// <paramref name="part"/> in parts of <paramref name="partSize"/> bytes (the last one shorter), each with
    /// its place from 0. The memory handed over is reused once the callback's task completes. Returns how
    /// many parts there were.
    /// </summary>
    public static async Task<int> CompressToPartsAsync(Stream body, int partSize, Func<int, ReadOnlyMemory<byte>, Task> part, CancellationToken cancellationToken)
    {
        using var encoder = new BrotliEncoder(Quality, Window);
        var input = ArrayPool<byte>.Shared.Rent(ReadSize);
        var output = ArrayPool<byte>.Shared.Rent(partSize);
        try
        {
            var parts = 0;
            var filled = 0;
            while (true)
            {
                var read = await body.ReadAsync(input.AsMemory(0, ReadSize), cancellationToken);
                var final = read == 0;
                var source = input.AsMemory(0, read);
                OperationStatus status;
                do
                {
                    status = encoder.Compress(source.Span, output.AsSpan(filled, partSize - filled), out var consumed, out var written, final);
                    source = source[consumed..];
                    filled += written;
                    if (filled == partSize)
                    {
                        await part(parts, output.AsMemory(0, partSize));
                        parts++;
                        filled = 0;
                    }
                }
                while (status == OperationStatus.DestinationTooSmall || source.Length > 0);

                if (status == OperationStatus.InvalidData)
                {
                    throw new InvalidOperationException("The Brotli encoder refused the upload's bytes.");
                }

                if (final)
                {
                    break;
                }
            }

            if (filled > 0)
            {
                await part(parts, output.AsMemory(0, filled));
                parts++;
            }

            return parts;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    /// <summary>
    /// Decompresses a copy's parts, fed in order, into <paramref name="into"/>. <see cref="Finished"/> tells
    /// whether the parts held a whole copy; a part that is not a continuation of the ones before makes
    /// <see cref="WriteAsync"/> answer false.
    /// </summary>
    public sealed class Decompressor(Stream into) : IDisposable
    {
        // a mutable struct: not readonly, or every call would decode into a copy
        private BrotliDecoder _decoder;
        private readonly byte[] _output = ArrayPool<byte>.Shared.Rent(ReadSize);

        /// <summary>Whether the copy's end was reached.</summary>
        public bool Finished { get; private set; }

        public async Task<bool> WriteAsync(ReadOnlyMemory<byte> part, CancellationToken cancellationToken)
        {
            while (!Finished)
            {
                var status = _decoder.Decompress(part.Span, _output, out var consumed, out var written);
                part = part[consumed..];
                if (written > 0)
                {
                    await into.WriteAsync(_output.AsMemory(0, written), cancellationToken);
                }

                switch (status)
                {
                    case OperationStatus.Done:
                        Finished = true;
                        break;
                    case OperationStatus.NeedMoreData:
                        return true;
                    case OperationStatus.InvalidData:
                        return false;
                }
            }

            // nothing may follow the copy's end
            return part.IsEmpty;
        }

        public void Dispose()
        {
            _decoder.Dispose();
            ArrayPool<byte>.Shared.Return(_output);
        }
    }
}
