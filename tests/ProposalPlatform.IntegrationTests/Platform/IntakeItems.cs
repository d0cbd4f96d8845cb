using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>Items and batches for the intake tests: random Chinese text, so that unrelated items are not similar.</summary>
public static class IntakeItems
{
    private const string Characters =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质";

    public static string RandomText(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(Characters[random.Next(Characters.Length)]);
        }

        return text.ToString();
    }

    public static string CsvRow(params object?[] fields) =>
        string.Join(',', fields.Select(f => Quote(Convert.ToString(f, CultureInfo.InvariantCulture) ?? string.Empty)));

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    public static JsonObject Item(int year, int number, string title, string text, string topic = "综合保税区") => new()
    {
        ["kind"] = "Suggestion",
        ["session"] = new JsonObject { ["year"] = year, ["term"] = 13, ["meeting"] = 3 },
        ["number"] = number,
        ["title"] = title,
        ["text"] = text,
        ["leadSubmitter"] = new JsonObject
        {
            ["name"] = "张三",
            ["delegation"] = "广东代表团",
            ["province"] = "广东省",
            ["city"] = "深圳市",
            ["phone"] = "0755-12345678",
            ["address"] = "深圳市福田区福中三路",
        },
        ["topic"] = topic,
    };
}
