using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;

namespace ProposalPlatform.Portal.Clients;

/// <summary>A run of one side's text, and whether the other side lacks it.</summary>
public sealed record DiffSegment(string Text, bool Changed);

/// <summary>
/// Two similar texts side by side, each cut into runs that both share and runs only it has (DiffPlex's
/// diff): Chinese compared character by character, Latin words and numbers whole.
/// </summary>
public sealed partial record TextDifference(IReadOnlyList<DiffSegment> Left, IReadOnlyList<DiffSegment> Right)
{
    private static readonly CustomFunctionChunker Chunker = new(text => [.. Pieces().Matches(text).Select(m => m.Value)]);

    public static TextDifference Of(string left, string right)
    {
        var diff = Differ.Instance.CreateDiffs(left, right, ignoreWhiteSpace: false, ignoreCase: false, Chunker);
        var deleted = new bool[diff.PiecesOld.Count];
        var inserted = new bool[diff.PiecesNew.Count];
        foreach (var block in diff.DiffBlocks)
        {
            Array.Fill(deleted, true, block.DeleteStartA, block.DeleteCountA);
            Array.Fill(inserted, true, block.InsertStartB, block.InsertCountB);
        }

        return new TextDifference(Runs(diff.PiecesOld, deleted), Runs(diff.PiecesNew, inserted));
    }

    /// <summary>Neighbouring pieces alike (both shared or both changed) joined into one run.</summary>
    private static List<DiffSegment> Runs(IReadOnlyList<string> pieces, bool[] changed)
    {
        var runs = new List<DiffSegment>();
        for (var i = 0; i < pieces.Count; i++)
        {
            if (runs.Count > 0 && runs[^1].Changed == changed[i])
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + pieces[i] };
            }
            else
            {
                runs.Add(new DiffSegment(pieces[i], changed[i]));
            }
        }

        return runs;
    }

    /// <summary>A Latin word or number whole, a surrogate pair whole, any other character alone.</summary>
    [GeneratedRegex(@"[A-Za-z0-9]+|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]")]
    private static partial Regex Pieces();
}
