using ProposalPlatform.Audit.Domain;
using ProposalPlatform.Contracts.Audit;

namespace ProposalPlatform.UnitTests.Audit;

public class Chaining_the_audit_trail
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 10, 30, 15, TimeSpan.FromHours(8));

    /// <summary>A chain of <paramref name="count"/> records, each linked to the one before from <paramref name="previous"/>.</summary>
    private static List<AuditRecord> Chain(int count, long firstSeq = 1, byte[]? previous = null)
    {
        var records = new List<AuditRecord>();
        var link = previous ?? AuditChain.Origin;
        for (var i = 0; i < count; i++)
        {
            var entry = new AuditRecorded(
                Guid.NewGuid(), At.AddSeconds(i).AddTicks(7), "assignment", "ReassignProposal", "Accepted", 0, "office-scripts", "建议提案办理处",
                "HQ-OFFICE", ["ProposalOffice"], "/api/assignment/assignments/x/reassign", Guid.NewGuid(), "unit: HQ-FTZ → HQ-PORTS",
                "4bf92f3577b34da6a3ce929d0e0e4736");
            var unhashed = new AuditRecord(firstSeq + i, At.AddSeconds(i + 1), entry, link, []);
            var record = unhashed with { Hash = AuditChain.HashOf(unhashed, link) };
            records.Add(record);
            link = record.Hash;
        }

        return records;
    }

    private static AuditChain.Verifier Verify(IEnumerable<AuditRecord> records, long anchorSeq = 0, byte[]? anchor = null)
    {
        var verifier = new AuditChain.Verifier(anchorSeq, anchor ?? AuditChain.Origin);
        foreach (var record in records)
        {
            if (!verifier.Next(record))
            {
                break;
            }
        }

        return verifier;
    }

    [Fact]
    public void A_whole_chain_verifies_to_its_head()
    {
        var chain = Chain(5);

        var verifier = Verify(chain);
        verifier.End(5, chain[^1].Hash);

        Assert.Null(verifier.Break);
        Assert.Equal(5, verifier.Checked);
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("summary")]
    [InlineData("at")]
    [InlineData("roles")]
    [InlineData("item")]
    public void A_record_changed_after_it_was_appended_is_named(string field)
    {
        var chain = Chain(5);
        var entry = chain[2].Entry;
        chain[2] = chain[2] with
        {
            Entry = field switch
            {
                "actor" => entry with { ActorName = "别人" },
                "summary" => entry with { Summary = "unit: HQ-FTZ → HQ-TARIFF" },
                "at" => entry with { At = entry.At.AddMinutes(-1) },
                "roles" => entry with { ActorRoles = ["ProposalOffice", "Ops"] },
                _ => entry with { ItemId = null },
            },
        };

        var verifier = Verify(chain);

        Assert.Equal(3, verifier.Break?.Seq);
        Assert.Contains("was changed", verifier.Break!.Problem, StringComparison.Ordinal);
        Assert.Equal(2, verifier.Checked);
    }

    [Fact]
    public void A_record_taken_out_of_the_middle_is_named_as_missing()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);

        var verifier = Verify(chain);

        Assert.Equal(3, verifier.Break?.Seq);
        Assert.Contains("missing", verifier.Break!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_rehashed_after_a_change_breaks_the_link_of_the_next()
    {
        var chain = Chain(5);
        var forged = chain[2] with { Entry = chain[2].Entry with { ActorName = "别人" } };
        chain[2] = forged with { Hash = AuditChain.HashOf(forged, forged.PreviousHash) };

        var verifier = Verify(chain);

        Assert.Equal(4, verifier.Break?.Seq);
        Assert.Contains("does not link", verifier.Break!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_cut_off_the_end_are_found_by_the_head()
    {
        var chain = Chain(5);

        var verifier = Verify(chain.Take(3));
        verifier.End(5, chain[^1].Hash);

        Assert.Equal(4, verifier.Break?.Seq);
        Assert.Contains("missing from the end", verifier.Break!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_purge_the_chain_resumes_from_the_last_link_it_removed()
    {
        var chain = Chain(10);

        var kept = Verify(chain.Skip(6), anchorSeq: 6, anchor: chain[5].Hash);
        var wrongAnchor = Verify(chain.Skip(6), anchorSeq: 6, anchor: chain[4].Hash);

        Assert.Null(kept.Break);
        Assert.Equal(4, kept.Checked);
        Assert.Equal(7, wrongAnchor.Break?.Seq);
    }

    [Fact]
    public void A_time_is_hashed_as_the_database_keeps_it_to_the_microsecond()
    {
        var record = Chain(1)[0];
        var stored = record with { Entry = record.Entry with { At = AuditChain.Stored(record.Entry.At) }, RecordedAt = AuditChain.Stored(record.RecordedAt) };

        Assert.Equal(record.Hash, AuditChain.HashOf(stored, stored.PreviousHash));
        Assert.Equal(TimeSpan.Zero, AuditChain.Stored(record.Entry.At).Offset);
        Assert.Equal(0, AuditChain.Stored(record.Entry.At).Ticks % 10);
    }
}
