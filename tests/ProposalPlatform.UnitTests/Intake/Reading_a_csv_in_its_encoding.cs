using System.Text;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Reading_a_csv_in_its_encoding
{
    [Fact]
    public void Takes_utf8_split_anywhere_across_blocks()
    {
        var bytes = Encoding.UTF8.GetBytes("kind,title\nSuggestion,关于口岸建设的建议\n");
        var checker = new CsvEncodings.Checker(CsvEncodings.For(null)!);

        for (var i = 0; i < bytes.Length; i += 7)
        {
            checker.Check(bytes.AsSpan(i, Math.Min(7, bytes.Length - i)), last: false);
        }

        checker.Check([], last: true);

        Assert.Null(checker.InvalidLine);
    }

    [Fact]
    public void Names_the_line_of_the_first_byte_that_is_not_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("kind,title\nSuggestion,好\n").Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
        var checker = new CsvEncodings.Checker(CsvEncodings.For("utf-8")!);

        checker.Check(bytes, last: true);

        Assert.Equal(3, checker.InvalidLine);
    }

    [Fact]
    public void Decodes_what_excel_on_chinese_windows_saves()
    {
        var gb18030 = CsvEncodings.For("GB18030")!;
        var bytes = gb18030.GetBytes("关于口岸建设的建议");
        var checker = new CsvEncodings.Checker(CsvEncodings.For("gbk")!);

        checker.Check(bytes, last: true);

        Assert.Null(checker.InvalidLine);
        Assert.Equal("关于口岸建设的建议", CsvEncodings.For("gb2312")!.GetString(bytes));
        Assert.NotEqual(Encoding.UTF8.GetBytes("关于口岸建设的建议"), bytes);
    }

    [Fact]
    public void Refuses_a_character_set_a_batch_may_not_use()
    {
        Assert.Null(CsvEncodings.For("latin1"));
    }
}
