using System.Text;

namespace ProposalPlatform.Intake.Domain;

/// <summary>
/// The encodings a CSV batch may come in: UTF-8 unless its Content-Type says <c>charset=gb18030</c>
/// (or gbk, gb2312), which is what Excel on Chinese Windows saves. Bytes that are not valid in the
/// encoding are refused, with their line, never stored as U+FFFD.
/// </summary>
public static class CsvEncodings
{
    static CsvEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The strict encoding for <paramref name="charset"/> (null: UTF-8), or null when it is not one a batch may use.</summary>
    public static Encoding? For(string? charset) => charset?.Trim().Trim('"').ToLowerInvariant() switch
    {
        null or "" or "utf-8" or "utf8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
        // GB18030 contains GBK and GB2312, so a file in either decodes as GB18030
        "gb18030" or "gbk" or "gb2312" => Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
        _ => null,
    };

    /// <summary>Checks bytes block by block as they stream past; remembers the line of the first byte that does not decode.</summary>
    public sealed class Checker(Encoding encoding)
    {
        private readonly Decoder _decoder = encoding.GetDecoder();
        private char[] _chars = [];
        private int _line = 1;

        /// <summary>The line (from 1) of the first invalid byte, once one was seen.</summary>
        public int? InvalidLine { get; private set; }

        public void Check(ReadOnlySpan<byte> block, bool last)
        {
            if (InvalidLine is not null)
            {
                return;
            }

            if (_chars.Length < encoding.GetMaxCharCount(block.Length))
            {
                _chars = new char[encoding.GetMaxCharCount(block.Length)];
            }

            try
            {
                _decoder.GetChars(block, _chars, flush: last);
                // '\n' is never part of a multi-byte character in UTF-8 nor in GB18030
                _line += block.Count((byte)'\n');
            }
            catch (DecoderFallbackException ex)
            {
                InvalidLine = _line + block[..Math.Clamp(ex.Index, 0, block.Length)].Count((byte)'\n');
            }
        }
    }
}
