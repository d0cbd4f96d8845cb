using ProposalPlatform.Portal.Clients;

namespace ProposalPlatform.UnitTests.Portal;

public sealed class Comparing_two_similar_items
{
    [Fact]
    public void Marks_the_characters_each_side_has_and_the_other_lacks()
    {
        var difference = TextDifference.Of("关于加快综合保税区建设的建议", "关于推进综合保税区发展的建议");

        Assert.Equal(
            [new("关于", false), new("加快", true), new("综合保税区", false), new("建设", true), new("的建议", false)],
            difference.Left);
        Assert.Equal(
            [new("关于", false), new("推进", true), new("综合保税区", false), new("发展", true), new("的建议", false)],
            difference.Right);
    }

    [Fact]
    public void Compares_latin_words_and_numbers_whole()
    {
        var difference = TextDifference.Of("RCEP 2022 年生效", "RCEP 2023 年生效");

        Assert.Equal([new("RCEP ", false), new("2022", true), new(" 年生效", false)], difference.Left);
        Assert.Equal([new("RCEP ", false), new("2023", true), new(" 年生效", false)], difference.Right);
    }

    [Fact]
    public void Marks_what_only_one_side_has_and_nothing_on_the_other()
    {
        var difference = TextDifference.Of("建议加强口岸建设。", "建议进一步加强口岸建设。");

        Assert.Equal([new("建议加强口岸建设。", false)], difference.Left);
        Assert.Equal([new("建议", false), new("进一步", true), new("加强口岸建设。", false)], difference.Right);
    }

    [Fact]
    public void Keeps_a_character_beyond_the_basic_plane_whole()
    {
        var difference = TextDifference.Of("𠀀甲", "𠀁甲");

        Assert.Equal([new("𠀀", true), new("甲", false)], difference.Left);
        Assert.Equal([new("𠀁", true), new("甲", false)], difference.Right);
    }

    [Fact]
    public void Marks_nothing_in_two_equal_texts_and_everything_against_an_empty_one()
    {
        Assert.Equal([new("相同", false)], TextDifference.Of("相同", "相同").Left);
        var againstEmpty = TextDifference.Of("全文", "");
        Assert.Equal([new("全文", true)], againstEmpty.Left);
        Assert.Empty(againstEmpty.Right);
    }
}
