using ProposalPlatform.Reply.Letters;

namespace ProposalPlatform.UnitTests.Reply;

/// <summary>How a letter's Chinese text is broken into lines: between any two characters, with the rules of Chinese setting.</summary>
public class Breaking_a_letters_lines
{
    // a Chinese character 1 wide, a Latin letter, digit or space half
    private static double Width(string text) => text.Sum(c => c < 128 ? 0.5 : 1.0);

    [Fact]
    public void Chinese_text_breaks_between_any_two_characters_the_first_line_indented()
    {
        var lines = LineBreaker.Break("海关总署高度重视综合保税区建设工作", 6, 8, Width);

        Assert.Equal(["海关总署高度", "重视综合保税区建", "设工作"], lines);
    }

    [Fact]
    public void Closing_punctuation_never_starts_a_line_it_hangs_at_the_end_of_the_one_before()
    {
        var lines = LineBreaker.Break("经研究，现答复如下。”谢谢", 3, 3, Width);

        Assert.Equal(["经研究，", "现答复", "如下。”", "谢谢"], lines);
    }

    [Fact]
    public void Opening_punctuation_never_ends_a_line_it_goes_down_with_what_it_opens()
    {
        var lines = LineBreaker.Break("出台了《若干措施》", 4, 4, Width);

        Assert.Equal(["出台了", "《若干措", "施》"], lines);
    }

    [Fact]
    public void A_number_or_a_phone_stays_whole_when_it_fits_a_line()
    {
        var lines = LineBreaker.Break("联系电话0755-84398000", 8, 8, Width);

        Assert.Equal(["联系电话", "0755-84398000"], lines);
    }

    [Fact]
    public void A_run_of_Latin_longer_than_a_line_is_broken_between_its_letters()
    {
        var lines = LineBreaker.Break("网址https://www.customs.gov.cn", 4, 4, Width);

        Assert.All(lines, line => Assert.True(Width(line) <= 4, line));
        Assert.Equal("网址https://www.customs.gov.cn", string.Concat(lines));
    }

    [Fact]
    public void Pieces_given_whole_such_as_names_are_kept_whole_on_a_line()
    {
        var lines = LineBreaker.Break(["张三代表，", "李四代表，", "欧阳王五代表"], 10, 10, Width);

        Assert.Equal(["张三代表，李四代表，", "欧阳王五代表"], lines);
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_never_split()
    {
        var lines = LineBreaker.Break("𠀀𠀁𠀂𠀃", 2, 2, _ => 1);

        Assert.Equal(["𠀀𠀁", "𠀂𠀃"], lines);
    }
}
