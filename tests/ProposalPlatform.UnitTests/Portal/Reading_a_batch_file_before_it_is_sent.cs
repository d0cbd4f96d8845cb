using System.Security.Cryptography;
using System.Text;
using ProposalPlatform.Portal.Clients;

namespace ProposalPlatform.UnitTests.Portal;

public sealed class Reading_a_batch_file_before_it_is_sent
{
    [Fact]
    public void A_json_batch_names_its_reference_and_counts_its_items_whatever_they_hold()
    {
        var json = """
            { "assignedAt": "2024-04-10", "items": [ { "title": "甲", "tags": ["a", "b"], "session": { "year": 2024 } }, null, {} ],
              "batchReference": "NPC-2024-7" }
            """;

        var file = BatchFile.Of([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(json)]);

        Assert.Equal("json", file.Format);
        Assert.Equal("NPC-2024-7", file.Reference);
        Assert.Equal(3, file.Rows);
    }

    [Fact]
    public void A_csv_batch_counts_its_records_after_the_header_as_intake_reads_them()
    {
        // a line break inside quotes is one record; blank lines are none
        var csv = "kind,number,title,text\r\nSuggestion,1,甲,\"第一行\r\n第二行\"\r\n\r\nSuggestion,2,乙,\"说\"\"明\"\"\"\nSuggestion,3,丙,文\n";

        var file = BatchFile.Of(Encoding.UTF8.GetBytes(csv));

        Assert.Equal("csv", file.Format);
        Assert.Null(file.Reference);
        Assert.Equal(3, file.Rows);
    }

    [Fact]
    public void A_gb18030_csv_counts_the_same()
    {
        var gb18030 = CodePagesEncoding();
        var csv = "kind,number,title\r\nSuggestion,1,关于口岸“智慧”通关的建议\r\nSuggestion,2,\"综合,保税\"\r\n";

        Assert.Equal(2, BatchFile.Of(gb18030.GetBytes(csv)).Rows);
    }

    [Fact]
    public void The_content_hash_is_the_sha256_of_the_bytes_as_sent()
    {
        var bytes = Encoding.UTF8.GetBytes("kind\nSuggestion\n");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), BatchFile.Of(bytes).ContentHash);
    }

    [Fact]
    public void Json_that_cannot_be_read_has_no_count_and_is_left_to_intake_to_refuse()
    {
        var file = BatchFile.Of(Encoding.UTF8.GetBytes("""{ "batchReference": "X-1", "items": [ {"a": 1}, """));

        Assert.Equal("json", file.Format);
        Assert.Equal("X-1", file.Reference);
        Assert.Null(file.Rows);
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("gb18030");
    }
}
