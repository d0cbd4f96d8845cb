using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Parsing_a_batch_in_csv
{
    private const string Header = "kind,sessionYear,number,title,text,topic,submitterName,submitterProvince,submitterCity,tags,coSigners,isKeyItem,handlingMode";

    private static async Task<List<CsvRecord>> Read(string csv)
    {
        var records = new List<CsvRecord>();
        await foreach (var record in CsvRecords.ReadAsync(new StringReader(csv)))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public async Task Reads_quoted_fields_with_commas_quotes_and_line_breaks_in_chinese()
    {
        var records = await Read("a,b\r\n\"关于设立综合保税区的建议，\"\"加快\"\"\",\"第一行\r\n第二行\"\r\nx,y");

        Assert.Equal(3, records.Count);
        Assert.Equal(["关于设立综合保税区的建议，\"加快\"", "第一行\r\n第二行"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public async Task Skips_blank_lines_and_reports_an_unclosed_quote()
    {
        var records = await Read("a,b\n\n1,\"open\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(3, records[1].Line);
        Assert.NotNull(records[1].Malformed);
    }

    [Fact]
    public async Task Reports_each_bad_row_with_its_line_and_field()
    {
        var csv = Header + "\n" +
            "Suggestion,2020,1,关于综合保税区的建议,正文,综合保税区,张三,广东省,深圳市,保税;口岸,李四|广东省|广州市,是,Sole\n" +
            "Petition,2020,2,标题,正文,口岸,张三,广东省,深圳市,,,,\n" +
            "Suggestion,20x0,3,标题,,口岸,张三,广东省,深圳市,,,maybe,\n";
        var records = await Read(csv);
        var (columns, headerErrors) = BatchCsv.ReadHeader(records[0]);
        Assert.Empty(headerErrors);
        var header = new BatchHeader("2020-NPC-01", null);

        var results = records.Skip(1)
            .Select(r => BatchRules.Validate(BatchCsv.ReadRow(r, columns!), header, Submissions.CurrentYear, BatchCsv.ColumnOf))
            .ToList();

        var good = Assert.IsType<ValidBatchRow>(results[0].Row);
        Assert.Equal(2, good.Line);
        Assert.Equal(["保税", "口岸"], good.Proposal.Tags);
        Assert.Equal("李四", Assert.Single(good.Proposal.CoSigners).Name);
        Assert.True(good.Proposal.IsKeyItem);
        Assert.Equal(ProposalPlatform.Contracts.HandlingMode.Sole, good.Proposal.HandlingMode);
        Assert.Equal("2020-NPC-01", good.Proposal.BatchReference);
        Assert.Null(results[1].Row);
        Assert.Equal([(3, "kind")], results[1].Errors.Select(e => (e.Line, e.Field)));
        Assert.Null(results[2].Row);
        Assert.Equal(["isKeyItem", "sessionYear", "text"], results[2].Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(results[2].Errors, e => Assert.Equal(4, e.Line));
    }

    [Fact]
    public async Task Names_missing_and_unknown_columns_of_the_header()
    {
        var records = await Read("kind,sessionYear,colour\n");

        var (columns, errors) = BatchCsv.ReadHeader(records[0]);

        Assert.Null(columns);
        Assert.Contains("header", errors.Keys);
        Assert.Contains("header.number", errors.Keys);
        Assert.Contains("header.submitterCity", errors.Keys);
    }
}
