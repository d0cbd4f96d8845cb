using System.Text.Json;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.UnitTests.Hosting;

public class Refusing_text_that_cannot_be_stored
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new PlainTextJsonConverter() } };

    private sealed record Body(string? Title);

    [Theory]
    [InlineData("关于加快综合保税区建设的建议")]
    [InlineData("第一行\n第二行\r\n\t缩进")]
    [InlineData("emoji 🏛️ pairs")]
    public void Takes_plain_text_with_tabs_and_line_breaks(string text)
    {
        Assert.Null(PlainText.FirstForbidden(text));
        Assert.Equal(text, JsonSerializer.Deserialize<Body>(JsonSerializer.Serialize(new Body(text)), Options)!.Title);
    }

    [Theory]
    [InlineData("a\u0000b", 1)]
    [InlineData("\u001bescape", 0)]
    [InlineData("del\u007f", 3)]
    public void Finds_a_control_character(string text, int index)
    {
        Assert.Equal(index, PlainText.FirstForbidden(text));
    }

    [Fact]
    public void Finds_a_lone_surrogate()
    {
        // built at run time: an attribute's string would carry U+FFFD instead
        var text = "lone " + (char)0xD800 + " surrogate";

        Assert.Equal(5, PlainText.FirstForbidden(text));
    }

    [Fact]
    public void Refuses_a_json_string_with_a_nul_naming_its_path()
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Body>("""{"Title":"bad\u0000title"}""", Options));

        Assert.Equal("$.Title", exception.Path);
        Assert.Contains("U+0000", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_and_reads_strings_as_dictionary_keys()
    {
        var errors = new Dictionary<string, string[]> { ["title"] = ["bad"] };

        var json = JsonSerializer.Serialize(errors, Options);

        Assert.Equal("""{"title":["bad"]}""", json);
        Assert.Equal(["title"], JsonSerializer.Deserialize<Dictionary<string, string[]>>(json, Options)!.Keys);
    }
}
