using Microsoft.Extensions.Options;
using ProposalPlatform.Contracts;
using ProposalPlatform.Reply.Domain;
using ProposalPlatform.Reply.Letters;
using UglyToad.PdfPig;

namespace ProposalPlatform.UnitTests.Reply;

/// <summary>
/// One item's reply letter set as a PDF, read back as a reader's PDF viewer would read it: every fact
/// the letter must carry is on it; the public version carries the published text and no phone.
/// </summary>
public class Setting_a_reply_letter
{
    private static readonly ReplyLetterRenderer Renderer = new(Options.Create(new ReplyLetterOptions()));

    private static readonly ReplyLetter Letter = new(
        "署办函〔2026〕15号",
        new DateOnly(2026, 3, 2),
        new LetterItem(ProposalKind.Suggestion, 2026, 1234, 14, 4),
        "张三",
        ["李四", "欧阳王五"],
        "您提出的关于加快综合保税区建设的建议收悉。\n经研究，现答复如下：请与综合业务处联系，电话 0755-84398000。",
        ResultClass.B,
        new Signatory("王芳", "010-65194114"),
        new Signatory("李明", "13800138000"));

    [Fact]
    public void The_letter_carries_its_number_date_heading_addressee_text_result_signatories_recipients_and_copy_line()
    {
        var text = TextOf(Renderer.Render(Letter));

        Assert.All(
            [
                "海关总署办公厅", "署办函〔2026〕15号", "2026年3月2日", "对十四届全国人大四次会议第1234号建议的答复", "张三代表：",
                "您提出的关于加快综合保税区建设的建议收悉。", "办理结果：B类（所提问题正在解决或已列入计划解决）。",
                "负责人：王芳，电话：010-65194114", "承办人：李明，电话：13800138000",
                "送达：张三代表，李四代表，欧阳王五代表", "抄送：全国人大常委会办公厅",
            ],
            expected => Assert.Contains(expected, text, StringComparison.Ordinal));
    }

    [Fact]
    public void The_public_version_has_the_published_text_and_no_phone()
    {
        var published = ContactDetailsRedactor.Redact(Letter.Text);

        var text = TextOf(Renderer.Render(Letter.PublicVersion(published)));

        Assert.Contains("（此件公开发布）", text, StringComparison.Ordinal);
        Assert.Contains("负责人：王芳；承办人：李明", text, StringComparison.Ordinal);
        Assert.Contains("署办函〔2026〕15号", text, StringComparison.Ordinal);
        Assert.All(["010-65194114", "13800138000", "0755-84398000", "电话："], phone => Assert.DoesNotContain(phone, text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_proposals_letter_names_the_CPPCC_session_and_is_copied_to_its_office()
    {
        var letter = Letter with { Item = new LetterItem(ProposalKind.Proposal, 2026, 88, 14, 4), LeadSubmitter = "九三学社中央", CoSigners = [] };

        var text = TextOf(Renderer.Render(letter));

        Assert.Contains("对全国政协十四届四次会议第88号提案的答复", text, StringComparison.Ordinal);
        Assert.Contains("九三学社中央：", text, StringComparison.Ordinal);
        Assert.Contains("抄送：全国政协提案委员会", text, StringComparison.Ordinal);
        Assert.DoesNotContain("代表", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_reply_runs_over_numbered_pages_and_loses_no_character()
    {
        // characters the rest of the letter does not have, to count them
        var paragraph = string.Concat(Enumerable.Range(0, 300).Select(i => "甲乙丙丁"[i % 4]));
        var letter = Letter with { Text = string.Join("\n", Enumerable.Repeat(paragraph, 20)) };

        using var pdf = PdfDocument.Open(Renderer.Render(letter));

        Assert.True(pdf.NumberOfPages > 5, $"{pdf.NumberOfPages} pages");
        Assert.All(pdf.GetPages(), page => Assert.Contains($"— {page.Number} —", page.Text, StringComparison.Ordinal));
        Assert.Equal(20 * 300, pdf.GetPages().Sum(p => p.Text.Count(c => "甲乙丙丁".Contains(c, StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(14, "十四")]
    [InlineData(20, "二十")]
    [InlineData(21, "二十一")]
    public void A_term_is_written_in_Chinese_numerals(int term, string written)
    {
        Assert.Equal(written, LetterWording.Numeral(term));
    }

    [Fact]
    public void An_item_whose_term_is_unknown_is_named_by_its_year()
    {
        Assert.Equal("对2020年全国人大会议第12号建议的答复", LetterWording.Heading(new LetterItem(ProposalKind.Suggestion, 2020, 12)));
    }

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text));
    }
}
