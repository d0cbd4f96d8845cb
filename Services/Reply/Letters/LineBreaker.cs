using System.Globalization;
using System.Text;

namespace ProposalPlatform.Reply.Letters;

/// <summary>
/// Breaks a paragraph of Chinese text into lines of a given width, as Chinese is set: between any two
/// characters, except that closing punctuation never starts a line (it hangs in the margin instead)
/// and opening punctuation never ends one; a run of Latin letters and digits (a number, a phone, a
/// word) stays whole unless it is longer than a line.
/// </summary>
public static class LineBreaker
{
    private const string NeverFirst = "，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}";
    private const string NeverLast = "（《「『【〔〈“‘([{";

    /// <param name="firstWidth">The first line's width (a paragraph's first line is indented).</param>
    /// <param name="measure">The width of a piece of text.</param>
    public static IReadOnlyList<string> Break(string paragraph, double firstWidth, double width, Func<string, double> measure) =>
        Break(Pieces(paragraph), firstWidth, width, measure);

    /// <summary>
    /// Lines of <paramref name="pieces"/> (each kept whole when it fits a line, such as a name with the
    /// comma after it), broken between them; a piece longer than a line between its characters.
    /// </summary>
    public static IReadOnlyList<string> Break(IEnumerable<string> pieces, double firstWidth, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var lineWidth = 0.0;
        var hung = false;
        var pending = new Stack<string>(pieces.Reverse());
        while (pending.TryPop(out var piece))
        {
            if (hung && !IsNeverFirst(piece))
            {
                Flush();
            }

            if (line.Length == 0 && piece == " ")
            {
                continue;
            }

            var limit = lines.Count == 0 ? firstWidth : width;
            var pieceWidth = measure(piece);
            if (hung || (lineWidth + pieceWidth > limit && line.Length > 0 && IsNeverFirst(piece)))
            {
                // closing punctuation stays with the character before it, past the line's end
                Append(piece, pieceWidth);
                hung = true;
                continue;
            }

            if (lineWidth + pieceWidth <= limit)
            {
                Append(piece, pieceWidth);
                continue;
            }

            if (Elements(piece).Skip(1).Any() && (line.Length == 0 || pieceWidth > width))
            {
                // longer than the line: its characters one by one
                foreach (var element in Elements(piece).Reverse())
                {
                    pending.Push(element);
                }

                continue;
            }

            if (line.Length == 0)
            {
                // one character wider than the line
                Append(piece, pieceWidth);
                continue;
            }

            // opening punctuation goes down with what it opens
            var carried = line.Length > 1 && NeverLast.Contains(line[^1], StringComparison.Ordinal) ? line[^1].ToString() : "";
            if (carried.Length > 0)
            {
                line.Length--;
            }

            Flush();
            if (carried.Length > 0)
            {
                Append(carried, measure(carried));
            }

            if (piece != " ")
            {
                pending.Push(piece);
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString().TrimEnd());
        }

        return lines;

        void Append(string piece, double pieceWidth)
        {
            line.Append(piece);
            lineWidth += pieceWidth;
        }

        void Flush()
        {
            lines.Add(line.ToString().TrimEnd());
            line.Clear();
            lineWidth = 0;
            hung = false;
        }
    }

    /// <summary>The pieces a line may break between: a space, a run of Latin letters and digits, or any other character (a surrogate pair is one).</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var run = new StringBuilder();
        foreach (var element in Elements(text))
        {
            if (IsLatin(element))
            {
                run.Append(element);
                continue;
            }

            if (run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
            }

            yield return char.IsWhiteSpace(element[0]) ? " " : element;
        }

        if (run.Length > 0)
        {
            yield return run.ToString();
        }
    }

    private static IEnumerable<string> Elements(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            yield return elements.GetTextElement();
        }
    }

    private static bool IsLatin(string element) => element.Length == 1 && (char.IsAsciiLetterOrDigit(element[0]) || "-_./@:+#&'".Contains(element[0], StringComparison.Ordinal));

    private static bool IsNeverFirst(string piece) => piece.Length == 1 && NeverFirst.Contains(piece[0], StringComparison.Ordinal);
}
