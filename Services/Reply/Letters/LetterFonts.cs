using PdfSharp.Fonts;

namespace ProposalPlatform.Reply.Letters;

/// <summary>
/// The letters' font family for PDFsharp, read from the font files on disk (nothing is downloaded).
/// PDFsharp has one font resolver per process and keeps each face it was given, so the files are read
/// once, the first time a letter is set.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Family = "ReplyLetter";
    private const string RegularFace = "ReplyLetter-Regular";
    private const string BoldFace = "ReplyLetter-Bold";

    private static readonly Lock Gate = new();
    private static LetterFonts? _installed;

    private readonly string _regularFile;
    private readonly string? _boldFile;

    private LetterFonts(string regularFile, string? boldFile) => (_regularFile, _boldFile) = (regularFile, string.IsNullOrEmpty(boldFile) ? null : boldFile);

    /// <summary>Makes the files PDFsharp's fonts; again with the same files, nothing. Other files in the same process are refused.</summary>
    public static void Install(string regularFile, string? boldFile)
    {
        lock (Gate)
        {
            var fonts = new LetterFonts(regularFile, boldFile);
            if (_installed is { } installed)
            {
                if ((installed._regularFile, installed._boldFile) != (fonts._regularFile, fonts._boldFile))
                {
                    throw new InvalidOperationException($"PDFsharp already sets letters in {installed._regularFile}; it takes one font resolver per process.");
                }

                return;
            }

            GlobalFontSettings.FontResolver = fonts;
            _installed = fonts;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic)
    {
        if (!string.Equals(familyName, Family, StringComparison.Ordinal))
        {
            return null;
        }

        return (isBold, _boldFile) switch
        {
            (false, _) => new FontResolverInfo(RegularFace),
            (true, null) => new FontResolverInfo(RegularFace, mustSimulateBold: true, mustSimulateItalic: false),
            (true, _) => new FontResolverInfo(BoldFace),
        };
    }

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => File.ReadAllBytes(_regularFile),
        BoldFace when _boldFile is not null => File.ReadAllBytes(_boldFile),
        _ => null,
    };
}
