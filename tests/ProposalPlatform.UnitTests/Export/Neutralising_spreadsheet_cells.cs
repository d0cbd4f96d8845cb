using System.Text;
using ProposalPlatform.Infrastructure.Export;

namespace ProposalPlatform.UnitTests.Export;

public class Neutralising_spreadsheet_cells
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-", "'-")]
    [InlineData("-1e3", "'-1e3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    public void Puts_a_text_mark_before_a_cell_that_starts_like_a_formula(string cell, string written)
    {
        Assert.Equal(written, SpreadsheetCells.Neutralise(cell));
    }

    [Theory]
    [InlineData("关于加快综合保税区建设的建议")]
    [InlineData("a=b")]
    [InlineData(" =1+1")]
    [InlineData("'=already text")]
    [InlineData("-25")]
    [InlineData("-0.5")]
    [InlineData("")]
    public void Leaves_any_other_cell_as_it_is(string cell)
    {
        Assert.Equal(cell, SpreadsheetCells.Neutralise(cell));
    }

    [Fact]
    public void Leaves_an_empty_cell_empty()
    {
        Assert.Null(SpreadsheetCells.Neutralise(null));
    }

    [Fact]
    public async Task Writes_a_csv_whose_every_cell_is_neutralised_and_quoted_after_a_byte_order_mark()
    {
        // Arrange
        using var stream = new MemoryStream();

        // Act
        await using (var csv = new SpreadsheetCsvWriter(stream))
        {
            await csv.WriteRowAsync(["who", "what"], CancellationToken.None);
            await csv.WriteRowAsync(["=HYPERLINK(\"http://x\")", "改为\r\n第二行"], CancellationToken.None);
            await csv.WriteRowAsync(["-", null], CancellationToken.None);
        }

        // Assert
        var bytes = stream.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Equal(
            "\"who\",\"what\"\r\n\"'=HYPERLINK(\"\"http://x\"\")\",\"改为\r\n第二行\"\r\n\"'-\",\"\"\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
        Assert.True(stream.CanWrite, "the response body stays open for the caller");
    }
}
