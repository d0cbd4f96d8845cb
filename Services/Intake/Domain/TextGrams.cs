using System.Text;

namespace ProposalPlatform.Intake.Domain;

/// <summary>
/// Character bigrams of a text, the unit of both search and similarity: Chinese has no spaces
/// between words, so overlapping pairs of characters stand in for words. Letters and digits are
/// taken in runs (lower-cased); punctuation and spaces end a run. A run of one character is kept
/// as it is, so that a lone character or digit can still be found.
/// </summary>
public static class TextGrams
{
    /// <summary>The distinct bigrams of the item's title and text.</summary>
    public static HashSet<string> OfItem(string title, string text)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        Add(grams, title);
        Add(grams, text);
        return grams;
    }

    /// <summary>The bigrams a search for <paramref name="query"/> requires, all of them (AND).</summary>
    public static IReadOnlyList<string> OfQuery(string query)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        Add(grams, query);
        return [.. grams.Order(StringComparer.Ordinal)];
    }

    public static void Add(HashSet<string> grams, string text)
    {
        Rune? previous = null;
        var runLength = 0;
        foreach (var raw in text.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(raw))
            {
                EndRun(grams, previous, runLength);
                previous = null;
                runLength = 0;
                continue;
            }

            var rune = Rune.ToLowerInvariant(raw);
            if (previous is { } p)
            {
                grams.Add(string.Concat(p.ToString(), rune.ToString()));
            }

            previous = rune;
            runLength++;
        }

        EndRun(grams, previous, runLength);
    }

    private static void EndRun(HashSet<string> grams, Rune? last, int runLength)
    {
        if (runLength == 1 && last is { } only)
        {
            grams.Add(only.ToString());
        }
    }
}
