using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.UnitTests.Reply;

/// <summary>A letter's number (文号): the configured format, filled with the Beijing year of issue and the letter's place in that year.</summary>
public class Numbering_reply_letters
{
    [Fact]
    public void The_default_format_writes_the_year_in_hexagonal_brackets_and_the_number_after_it()
    {
        Assert.Equal("署办函〔2026〕15号", LetterNumbers.Format(LetterNumbers.DefaultFormat, 2026, 15));
    }

    [Fact]
    public void A_format_of_the_bodys_own_places_year_and_number_where_it_says()
    {
        Assert.Equal("海关总署建议答复 第7号（2027年）", LetterNumbers.Format("海关总署建议答复 第{number}号（{year}年）", 2027, 7));
        Assert.Equal("署函-3", LetterNumbers.Format("署函-{number}", 2027, 3));
    }

    [Theory]
    [InlineData("2026-12-31T15:59:59Z", 2026)]
    [InlineData("2026-12-31T16:00:00Z", 2027)] // midnight in Beijing: the new year's sequence
    [InlineData("2027-01-01T00:00:00+08:00", 2027)]
    [InlineData("2026-12-31T23:59:59+08:00", 2026)]
    [InlineData("2027-01-01T07:59:59+08:00", 2027)]
    public void A_letter_is_numbered_in_the_Beijing_year_it_is_issued(string issuedAt, int year)
    {
        Assert.Equal(year, LetterNumbers.YearOf(DateTimeOffset.Parse(issuedAt, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("署办函〔{year}〕{number}号")]
    [InlineData("第{number}号")]
    public void A_format_with_the_number_once_is_accepted(string format)
    {
        Assert.Null(LetterNumbers.Refuse(format));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("署办函〔{year}〕号")]
    [InlineData("{number}-{number}")]
    [InlineData("{year}{year}{number}")]
    [InlineData("署办函〔{yr}〕{number}号")]
    [InlineData("署办函{〔{year}〕{number}号")]
    [InlineData("署办函〔{year}〕{number}号}")]
    public void A_format_that_cannot_number_every_letter_apart_is_refused(string? format)
    {
        Assert.NotNull(LetterNumbers.Refuse(format));
    }

    [Fact]
    public void A_format_longer_than_a_letter_number_can_be_is_refused()
    {
        Assert.NotNull(LetterNumbers.Refuse(new string('函', LetterNumbers.MaxFormatLength) + "{number}"));
    }
}
