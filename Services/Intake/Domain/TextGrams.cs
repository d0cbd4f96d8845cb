using System.Text;

namespace ProposalPlatform.Intake.Domain;

/// <summary>
/// Character bigrams of a text, the unit of both search and similarity: Chinese has no spaces
/// between words, so overlapping pairs of characters stand in for words. Letters and digits are
/// taken in runs (lower-cased); punctuation and spaces end a run. A run of one character is kept
/// as it is, so that a lone character or digit can still be found.
/// </summary>
/// <remarks>
/// A gram is stored as a 32-bit code, which PostgreSQL indexes about twice as fast as text: the
/// two UTF-16 units of a bigram side by side (exact for the Basic Multilingual Plane, where all
/// Chinese in common use is), a lone character as itself. A gram with a character beyond it is
/// hashed; a search still checks the text itself, so a rare collision costs a comparison, never a
/// wrong result.
/// </remarks>
public static class TextGrams
{
    /// <summary>The distinct bigrams of the item's title and text.</summary>
    public static HashSet<int> OfItem(string title, string text)
    {
        var grams = new HashSet<int>();
        Add(grams, title);
        Add(grams, text);
        return grams;
    }

    /// <summary>The bigrams a search for <paramref name="query"/> requires, all of them (AND).</summary>
    public static int[] OfQuery(string query)
    {
        var grams = new HashSet<int>();
        Add(grams, query);
        return [.. grams.Order()];
    }

    /// <summary>The code of one gram: a bigram or a single character.</summary>
    public static int Code(string gram)
    {
        var runes = gram.EnumerateRunes().Select(Rune.ToLowerInvariant).ToArray();
        return runes.Length switch
        {
            1 => Single(runes[0]),
            2 => Pair(runes[0], runes[1]),
            _ => throw new ArgumentException("A gram is one or two characters.", nameof(gram)),
        };
    }

    private static void Add(HashSet<int> grams, string text)
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
                grams.Add(Pair(p, rune));
            }

            previous = rune;
            runLength++;
        }

        EndRun(grams, previous, runLength);
    }

    private static void EndRun(HashSet<int> grams, Rune? last, int runLength)
    {
        if (runLength == 1 && last is { } only)
        {
            grams.Add(Single(only));
        }
    }

    // A bigram's first unit is a letter or digit (at least '0'), so its code never equals a lone character's.
    private static int Pair(Rune first, Rune second) =>
        first.IsBmp && second.IsBmp
            ? unchecked((int)(((uint)first.Value << 16) | (uint)second.Value))
            : Hashed(((ulong)(uint)first.Value << 32) | (uint)second.Value);

    private static int Single(Rune rune) => rune.IsBmp ? rune.Value : Hashed((uint)rune.Value);

    // splitmix64's finaliser, folded to 32 bits: stable across processes, unlike string.GetHashCode
    private static int Hashed(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        value ^= value >> 31;
        return unchecked((int)(value ^ (value >> 32)));
    }
}
