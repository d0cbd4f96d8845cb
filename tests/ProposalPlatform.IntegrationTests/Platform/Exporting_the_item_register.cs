using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>The item register exported through the gateway, as CSV and as Excel, by the office and by a district.</summary>
[Collection(PlatformCollection.Name)]
public sealed class Exporting_the_item_register(PlatformFixture platform)
{
    private const string District = "DIST-DALIAN";

    private static readonly string[] Headers =
    [
        "类别", "年度", "届", "次", "编号", "标题", "领衔人", "主题", "标签", "办理方式", "重点", "督办方", "主办单位", "协办单位", "状态", "办理轮次",
        "登记单位", "批次", "登记时间", "交办时间",
    ];

    [Fact]
    public async Task The_office_exports_what_the_list_filters_and_a_district_only_its_own()
    {
        // Arrange: two suggestions and a proposal tagged with the test's own tag (one registered by a
        // district), and an item without the tag; all of them assigned
        var tag = $"导出{Items.NextNumber()}";
        var (first, second, third) = (Items.NextNumber(), Items.NextNumber(), Items.NextNumber());
        var formula = Tagged(first, tag, "=1+1 关于综合保税区建设的建议");
        formula["isKeyItem"] = true;
        formula["assignedByOfficeAt"] = "2016-04-01T02:00:00Z";
        var proposal = Tagged(second, tag, "关于口岸建设的提案");
        proposal["kind"] = "Proposal";
        proposal["handlingMode"] = "Sole";
        using var district = await platform.DistrictClientAsync(District);
        await platform.Gateway.RegisterAsync(formula);
        await platform.Gateway.RegisterAsync(proposal);
        await district.RegisterAsync(Tagged(third, tag, "关于边境口岸的建议"));
        await platform.Gateway.RegisterAsync(IntakeItems.Item(2016, Items.NextNumber(), "关于其他事项的建议", "建议加强口岸建设。"));
        await Eventually.Until(
            () => platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?topic={Uri.EscapeDataString(tag)}&status=Assigned"),
            page => page!["total"]!.GetValue<long>() == 3,
            "the three tagged items assigned");

        // Act
        using var csv = await platform.Gateway.GetAsync($"/api/intake/proposals/export?topic={Uri.EscapeDataString(tag)}&sessionYear=2016");
        using var xlsx = await platform.Gateway.GetAsync($"/api/intake/proposals/export?topic={Uri.EscapeDataString(tag)}&kind=Suggestion&format=xlsx");
        using var districtsOwn = await district.GetAsync($"/api/intake/proposals/export?topic={Uri.EscapeDataString(tag)}");
        using var districtsAll = await district.GetAsync("/api/intake/proposals/export?format=xlsx");

        // Assert: the CSV has the Chinese headers, the three tagged items in the list's order, no contact detail
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Matches(FileName("csv"), csv.Content.Headers.ContentDisposition?.FileNameStar ?? "");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.DoesNotContain("0755-12345678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("福中三路", text, StringComparison.Ordinal);
        var rows = Csv(text);
        Assert.Equal(Headers, rows[0]);
        Assert.Equal([$"{first}", $"{third}", $"{second}"], rows.Skip(1).Select(r => r[4]));
        var suggestion = Row(rows[1]);
        Assert.Equal(("建议", "2016", "13", "3"), (suggestion["类别"], suggestion["年度"], suggestion["届"], suggestion["次"]));
        Assert.Equal("'=1+1 关于综合保税区建设的建议", suggestion["标题"]);
        Assert.Equal(("张三", "综合保税区", tag, "主办", "是"), (suggestion["领衔人"], suggestion["主题"], suggestion["标签"], suggestion["办理方式"], suggestion["重点"]));
        Assert.Equal(("HQ-FTZ", "办理中", "1", ""), (suggestion["主办单位"], suggestion["状态"], suggestion["办理轮次"], suggestion["登记单位"]));
        var registeredAt = DateTimeOffset.ParseExact(suggestion["登记时间"] + " +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
        Assert.InRange(registeredAt, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow);
        Assert.Equal("2016-04-01 10:00", suggestion["交办时间"]);
        var sole = Row(rows[3]);
        Assert.Equal(("提案", "独办", "否", ""), (sole["类别"], sole["办理方式"], sole["重点"], sole["交办时间"]));
        Assert.Equal(District, Row(rows[2])["登记单位"]);

        // the workbook holds the two suggestions of the same filter, its cells as the CSV's
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Matches(FileName("xlsx"), xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? "");
        var sheet = await WorkbookAsync(xlsx);
        Assert.Equal(Headers, sheet[0].Keys);
        Assert.Equal([(double)first, third], sheet.Select(r => (double)r["编号"]!));
        Assert.Equal("'=1+1 关于综合保税区建设的建议", sheet[0]["标题"]);
        Assert.Equal("2016-04-01 10:00", sheet[0]["交办时间"]);

        // the district sees the item it registered, and nothing that is not its own
        Assert.Equal(HttpStatusCode.OK, districtsOwn.StatusCode);
        var own = Csv(await districtsOwn.Content.ReadAsStringAsync());
        Assert.Equal([$"{third}"], own.Skip(1).Select(r => r[4]));
        var all = await WorkbookAsync(districtsAll);
        Assert.Contains(all, r => (double)r["编号"]! == third);
        Assert.All(all, r => Assert.True(
            (string?)r["登记单位"] == District || (string?)r["主办单位"] == District || ((string?)r["协办单位"] ?? "").Split('、').Contains(District),
            $"the district exported item {r["编号"]}, which is not its own"));
    }

    [Theory]
    [InlineData("format=pdf", "format")]
    [InlineData("format=xlsx&kind=Motion", "kind")]
    [InlineData("status=Lost", "status")]
    [InlineData("q=%20", "q")]
    public async Task A_bad_format_or_filter_is_refused_naming_it(string query, string field)
    {
        // Act
        using var response = await platform.Gateway.GetAsync($"/api/intake/proposals/export?{query}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    private static JsonObject Tagged(int number, string tag, string title)
    {
        var item = IntakeItems.Item(2016, number, title, "建议加强综合保税区建设。");
        item["tags"] = new JsonArray(tag);
        return item;
    }

    /// <summary>The CSV's rows, each its cells (every cell quoted; none of these holds a quote or a line break).</summary>
    private static List<string[]> Csv(string text) =>
    [
        .. text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line[1..^1].Split("\",\"")),
    ];

    private static Dictionary<string, string> Row(string[] cells) =>
        Headers.Zip(cells).ToDictionary(c => c.First, c => c.Second);

    private static async Task<List<IDictionary<string, object?>>> WorkbookAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var bytes = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. bytes.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    private static Regex FileName(string extension) => new($"^register-\\d{{8}}-\\d{{4}}\\.{extension}$");
}
