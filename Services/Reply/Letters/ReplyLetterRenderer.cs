using Microsoft.Extensions.Options;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Letters;

/// <summary>
/// Sets one item's reply letter on A4 pages, laid out as China's rules for official documents lay out
/// a letter (函, GB/T 9704): the red letterhead over a double rule, the number, the heading, the
/// addressee, the text and the result class, the signature and date, who answers for the reply, and
/// at the foot of the last page whom it is sent and copied to. Chinese text breaks between any two
/// characters (<see cref="LineBreaker"/>); a page is numbered at its foot.
/// </summary>
public sealed class ReplyLetterRenderer
{
    private const double Mm = 72 / 25.4;
    private const double PageWidth = 210 * Mm;
    private const double PageHeight = 297 * Mm;
    private const double Left = 28 * Mm;
    private const double Width = 156 * Mm;
    private const double Right = Left + Width;
    private const double Top = 37 * Mm;
    private const double Bottom = PageHeight - 35 * Mm;
    private const double LetterheadTop = 30 * Mm;
    private const double RuleWidth = 170 * Mm;

    // 3号 (16 pt) text on 22 lines to the page; 4号 (14 pt) for the foot; 2号 (22 pt) for the heading
    private const double TextSize = 16;
    private const double LineHeight = (Bottom - Top) / 22;
    private const double FootSize = 14;
    private const double FootLineHeight = FootSize * 1.6;
    private const double HeadingSize = 22;
    private const double LetterheadSize = 32;

    private static readonly XColor Red = XColor.FromArgb(204, 0, 0);

    private readonly ReplyLetterOptions _options;

    public ReplyLetterRenderer(IOptions<ReplyLetterOptions> options)
    {
        _options = options.Value;
        LetterFonts.Install(_options.FontFile, _options.BoldFontFile);
    }

    /// <summary>The letter as a PDF document.</summary>
    public byte[] Render(ReplyLetter letter)
    {
        var heading = LetterWording.Heading(letter.Item);
        var document = new PdfDocument();
        document.Info.Title = $"{letter.Number} {heading}";
        document.Info.Author = _options.Signature;
        document.Info.Creator = "ProposalPlatform";
        using (var sheet = new Sheet(document))
        {
            Write(sheet, letter, heading);
        }

        using var pdf = new MemoryStream();
        document.Save(pdf, closeStream: false);
        return pdf.ToArray();
    }

    private void Write(Sheet sheet, ReplyLetter letter, string heading)
    {
        sheet.NewPage();
        var kind = letter.Item.Kind;
        var text = new XFont(LetterFonts.Family, TextSize);
        var bold = new XFont(LetterFonts.Family, HeadingSize, XFontStyleEx.Bold);

        // the letterhead, made smaller where a long name would not fit the rule
        var letterhead = new XFont(LetterFonts.Family, LetterheadSize, XFontStyleEx.Bold);
        var letterheadWidth = sheet.Measure(letterhead, _options.Letterhead);
        if (letterheadWidth > RuleWidth)
        {
            letterhead = new XFont(LetterFonts.Family, LetterheadSize * RuleWidth / letterheadWidth, XFontStyleEx.Bold);
            letterheadWidth = sheet.Measure(letterhead, _options.Letterhead);
        }

        sheet.Y = LetterheadTop;
        sheet.Graphics.DrawString(_options.Letterhead, letterhead, new XSolidBrush(Red), new XPoint((PageWidth - letterheadWidth) / 2, sheet.Y + letterhead.Size * 0.88));
        sheet.Y += letterhead.Size + 4 * Mm;
        var ruleLeft = (PageWidth - RuleWidth) / 2;
        sheet.Graphics.DrawLine(new XPen(Red, 2), ruleLeft, sheet.Y, ruleLeft + RuleWidth, sheet.Y);
        sheet.Graphics.DrawLine(new XPen(Red, 0.6), ruleLeft, sheet.Y + 2.5, ruleLeft + RuleWidth, sheet.Y + 2.5);
        sheet.Y += 3 * Mm;

        // the number, one character in from the right
        sheet.Line(letter.Number, text, Right - TextSize - sheet.Measure(text, letter.Number), LineHeight);
        sheet.Y += LineHeight;

        foreach (var line in LineBreaker.Break(heading, Width - 4 * TextSize, Width - 4 * TextSize, s => sheet.Measure(bold, s)))
        {
            sheet.Line(line, bold, Left + (Width - sheet.Measure(bold, line)) / 2, HeadingSize * 1.5);
        }

        sheet.Y += LineHeight / 2;
        sheet.Paragraph($"{LetterWording.Addressed(letter.LeadSubmitter, kind)}：", text, indent: 0, LineHeight);
        foreach (var paragraph in Paragraphs(letter.Text))
        {
            sheet.Paragraph(paragraph, text, indent: 2 * TextSize, LineHeight);
        }

        sheet.Paragraph(LetterWording.ResultLine(letter.ResultClass), text, indent: 2 * TextSize, LineHeight);

        // the signature over the date, the date four characters in from the right
        sheet.Y += LineHeight;
        sheet.Need(3 * LineHeight);
        var date = LetterWording.Date(letter.Date);
        var dateWidth = sheet.Measure(text, date);
        var dateCentre = Right - 4 * TextSize - dateWidth / 2;
        sheet.Line(_options.Signature, text, Math.Max(Left, dateCentre - sheet.Measure(text, _options.Signature) / 2), LineHeight);
        sheet.Line(date, text, dateCentre - dateWidth / 2, LineHeight);

        // the note (附注): who answers for the reply, and the public version says it is public
        sheet.Y += LineHeight / 2;
        if (letter.IsPublic)
        {
            sheet.Paragraph("（此件公开发布）", text, indent: 2 * TextSize, LineHeight);
        }

        sheet.Paragraph($"（{Answering("负责人", letter.Leader)}；{Answering("承办人", letter.Handler)}）", text, indent: 2 * TextSize, LineHeight);

        // each recipient kept whole on a line
        var recipients = letter.Recipients.Select((r, i) => LetterWording.Addressed(r, kind) + (i < letter.Recipients.Count - 1 ? "，" : "")).ToList();
        Foot(sheet, [("送达：", recipients), ("抄送：", [_options.CopyTo(kind)])]);
    }

    private static string Answering(string role, Signatory who) => who.Phone is { } phone ? $"{role}：{who.Name}，电话：{phone}" : $"{role}：{who.Name}";

    /// <summary>The foot of the last page (版记): each entry between rules, one character in, a long one wrapped under its own text.</summary>
    private static void Foot(Sheet sheet, IReadOnlyList<(string Label, IReadOnlyList<string> Pieces)> entries)
    {
        var font = new XFont(LetterFonts.Family, FootSize);
        var inner = Width - 2 * FootSize;
        var wrapped = entries.Select(entry =>
        {
            var labelWidth = sheet.Measure(font, entry.Label);
            return (entry.Label, LabelWidth: labelWidth, Lines: LineBreaker.Break(entry.Pieces, inner - labelWidth, inner - labelWidth, s => sheet.Measure(font, s)));
        }).ToList();
        var height = wrapped.Sum(e => e.Lines.Count * FootLineHeight + 4);
        if (sheet.Y + height + LineHeight > Bottom)
        {
            sheet.NewPage();
        }

        sheet.Y = Bottom - height;
        for (var i = 0; i < wrapped.Count; i++)
        {
            sheet.Graphics.DrawLine(new XPen(XColors.Black, i == 0 ? 1 : 0.5), Left, sheet.Y, Right, sheet.Y);
            sheet.Y += 2;
            var (label, labelWidth, lines) = wrapped[i];
            sheet.Graphics.DrawString(label, font, XBrushes.Black, new XPoint(Left + FootSize, Sheet.Baseline(sheet.Y, FootSize, FootLineHeight)));
            foreach (var line in lines)
            {
                sheet.Line(line, font, Left + FootSize + labelWidth, FootLineHeight);
            }

            sheet.Y += 2;
        }

        sheet.Graphics.DrawLine(new XPen(XColors.Black, 1), Left, sheet.Y, Right, sheet.Y);
    }

    /// <summary>The text's paragraphs, each without the indent it was typed with (the letter indents every one alike).</summary>
    private static IEnumerable<string> Paragraphs(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').Select(p => p.Trim().Trim('\u3000').Trim()).Where(p => p.Length > 0);

    /// <summary>The pages being written and where on the current one the next line goes.</summary>
    private sealed class Sheet(PdfDocument document) : IDisposable
    {
        private readonly Dictionary<(double Size, bool Bold, string Text), double> _widths = [];
        private XGraphics? _graphics;
        private int _pages;

        public XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page yet.");

        /// <summary>The top of the next line.</summary>
        public double Y { get; set; }

        public static double Baseline(double top, double size, double lineHeight) => top + lineHeight / 2 + size * 0.36;

        public void NewPage()
        {
            _graphics?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(page);
            _pages++;
            Y = Top;
            var font = new XFont(LetterFonts.Family, FootSize);
            var number = $"— {_pages} —";
            _graphics.DrawString(number, font, XBrushes.Black, new XPoint((PageWidth - Measure(font, number)) / 2, Bottom + 7 * Mm + FootSize));
        }

        public double Measure(XFont font, string text)
        {
            var key = (font.Size, font.Bold, text);
            if (!_widths.TryGetValue(key, out var width))
            {
                width = Graphics.MeasureString(text, font).Width;
                _widths[key] = width;
            }

            return width;
        }

        /// <summary>A new page unless <paramref name="height"/> more fits on this one.</summary>
        public void Need(double height)
        {
            if (Y + height > Bottom)
            {
                NewPage();
            }
        }

        public void Line(string text, XFont font, double x, double lineHeight)
        {
            Need(lineHeight);
            Graphics.DrawString(text, font, XBrushes.Black, new XPoint(x, Baseline(Y, font.Size, lineHeight)));
            Y += lineHeight;
        }

        public void Paragraph(string text, XFont font, double indent, double lineHeight)
        {
            var lines = LineBreaker.Break(text, Width - indent, Width, s => Measure(font, s));
            for (var i = 0; i < lines.Count; i++)
            {
                Line(lines[i], font, i == 0 ? Left + indent : Left, lineHeight);
            }
        }

        public void Dispose() => _graphics?.Dispose();
    }
}
