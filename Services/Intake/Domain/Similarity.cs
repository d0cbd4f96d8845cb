namespace ProposalPlatform.Intake.Domain;

/// <summary>
/// How alike two items are: the Jaccard similarity of their character-bigram sets (shared bigrams
/// over all bigrams), 1 for the same text, near 0 for unrelated ones. Finding candidates among
/// thousands of items uses MinHash with locality-sensitive hashing: <see cref="BandCount"/> bands of
/// <see cref="RowsPerBand"/> min-hashes each; two items sharing any band key are compared exactly.
/// With 12 bands of 3, a pair at 0.6 similarity shares a band with probability about 0.95, a pair at
/// 0.1 about 0.01.
/// </summary>
public static class Similarity
{
    public const double DefaultThreshold = 0.6;
    public const int BandCount = 12;
    public const int RowsPerBand = 3;

    public static double Jaccard(IReadOnlySet<int> a, IReadOnlySet<int> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = 0;
        foreach (var gram in small)
        {
            if (large.Contains(gram))
            {
                shared++;
            }
        }

        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>
    /// The item's LSH band keys; items with a key in common are candidates. Items are compared within
    /// their session only, so the session year is part of every key: one index lookup finds the
    /// candidates of the right session.
    /// </summary>
    public static int[] BandKeys(IReadOnlyCollection<int> grams, int sessionYear)
    {
        if (grams.Count == 0)
        {
            return [];
        }

        var hashCount = BandCount * RowsPerBand;
        var minima = new ulong[hashCount];
        Array.Fill(minima, ulong.MaxValue);
        foreach (var gram in grams)
        {
            var baseHash = (ulong)(uint)gram;
            for (var i = 0; i < hashCount; i++)
            {
                var h = Mix(baseHash ^ Seeds[i]);
                if (h < minima[i])
                {
                    minima[i] = h;
                }
            }
        }

        var keys = new int[BandCount];
        for (var band = 0; band < BandCount; band++)
        {
            var h = Mix(((ulong)(uint)sessionYear << 32) | (uint)band) + 0x9E3779B97F4A7C15UL;
            for (var row = 0; row < RowsPerBand; row++)
            {
                h = Mix(h ^ minima[(band * RowsPerBand) + row]);
            }

            keys[band] = unchecked((int)(h ^ (h >> 32)));
        }

        return keys;
    }

    private static readonly ulong[] Seeds = CreateSeeds(BandCount * RowsPerBand);

    private static ulong[] CreateSeeds(int count)
    {
        var seeds = new ulong[count];
        var state = 0x2545F4914F6CDD1DUL;
        for (var i = 0; i < count; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(state);
        }

        return seeds;
    }

    // splitmix64's finaliser: a cheap, well-spread permutation of 64-bit values
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
