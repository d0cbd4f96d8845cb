using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// What a hostile client sends that the database cannot store or the code cannot compute — a NUL in a
/// text field or a query parameter, a number of months no date has, a page past any end — is a 400
/// naming the field (or an empty page), never a 500, and changes nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Refusing_what_cannot_be_stored(PlatformFixture platform)
{
    private readonly HttpClient _office = platform.Gateway;

    [Theory]
    [InlineData("title")]
    [InlineData("leadSubmitter.name")]
    public async Task A_nul_in_a_text_field_is_a_400_naming_it(string field)
    {
        // Arrange
        var number = Items.NextNumber();
        var item = Items.Suggestion(number);
        if (field == "title")
        {
            item["title"] = "关于\u0000的建议";
        }
        else
        {
            item["leadSubmitter"]!["name"] = "张\u0000三";
        }

        // Act
        using var response = await _office.PostAsJsonAsync("/api/intake/proposals", item);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        var page = await _office.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?number={number}");
        Assert.Equal(0, page!["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_nul_in_a_contact_or_a_query_parameter_is_a_400_naming_it()
    {
        // Arrange
        var id = (await _office.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        await platform.Handler.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        var contact = Items.Contact(DateTimeOffset.UtcNow);
        contact["handler"] = "李\u0000四";

        // Act
        using var recorded = await platform.Handler.PostAsJsonAsync($"/api/contacts/tasks/{id}/contacts", contact);
        using var searched = await _office.GetAsync("/api/intake/proposals?q=%E5%BB%BA%00%E8%AE%AE");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, recorded.StatusCode);
        Assert.Contains("handler", (await recorded.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, searched.StatusCode);
        Assert.Contains("q", (await searched.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty((await _office.GetFromJsonAsync<JsonArray>($"/api/contacts/tasks/{id}/contacts"))!);
    }

    [Fact]
    public async Task Months_no_date_has_and_a_page_past_any_end_are_no_500()
    {
        // Arrange
        var id = (await _office.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        await _office.GetWhenPresentAsync($"/api/assignment/assignments/{id}");

        // Act
        using var extended = await _office.PostAsJsonAsync($"/api/assignment/assignments/{id}/extend", new { months = 99999, reason = "无限期" });
        using var page = await _office.GetAsync("/api/intake/proposals?page=2147483647&pageSize=200");
        using var pairs = await _office.GetAsync("/api/intake/similar?page=2147483647&pageSize=200");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, extended.StatusCode);
        Assert.Contains("months", (await extended.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty((await page.ReadJsonAsync())["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, pairs.StatusCode);
        Assert.Empty((await pairs.ReadJsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task A_csv_row_with_a_nul_is_reported_by_line_and_the_batch_completes()
    {
        // Arrange: two rows, the second with a NUL in its title
        var number = Items.NextNumber();
        var csv = new StringBuilder("kind,sessionYear,number,title,text,topic,submitterName,submitterProvince,submitterCity\r\n")
            .Append(IntakeItems.CsvRow("Suggestion", 2020, number, "关于口岸建设的建议", "正文", "口岸", "代表甲", "广东省", "深圳市")).Append("\r\n")
            .Append(IntakeItems.CsvRow("Suggestion", 2020, number + 1, "关于\u0000的建议", "正文", "口岸", "代表乙", "广东省", "深圳市")).Append("\r\n");
        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");

        // Act
        using var response = await _office.PostAsync($"/api/intake/batches?batchReference=NUL-{number}&assignedAt=2020-04-10", content);

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal("Completed", report["status"]!.GetValue<string>());
        Assert.Equal(1, report["rejected"]!.GetValue<int>());
        var error = Assert.Single(report["errors"]!.AsArray());
        Assert.Equal((3, "title"), (error!["line"]!.GetValue<int>(), error["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_body_too_large_or_of_another_media_type_is_a_problem_that_says_so()
    {
        // Arrange: 31 MB of one title, beyond what a single item's route takes
        var huge = new StringContent("{\"title\":\"" + new string('题', 11_000_000) + "\"}", Encoding.UTF8, "application/json");
        var xml = new StringContent("<item/>", Encoding.UTF8, "application/xml");

        // Act: as curl does for a large body, the client waits for the server's go-ahead (or its refusal) before sending it
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/proposals") { Content = huge };
        request.Headers.ExpectContinue = true;
        using var tooLarge = await _office.SendAsync(request);
        using var wrongType = await _office.PostAsync("/api/intake/proposals", xml);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("larger", (await tooLarge.ReadJsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Contains("application/json", (await wrongType.ReadJsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reason_or_a_keyword_longer_than_its_field_takes_is_a_400_naming_it()
    {
        // Arrange
        var id = (await _office.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        await _office.GetWhenPresentAsync($"/api/assignment/assignments/{id}");

        // Act
        using var reassigned = await _office.PostAsJsonAsync($"/api/assignment/assignments/{id}/reassign", new { unitCode = "HQ-PORTS", reason = new string('因', 100_000) });
        using var rule = await _office.PostAsJsonAsync("/api/assignment/rules", new { keyword = new string('词', 1_000), unitCode = "HQ-PORTS", priority = 1 });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, reassigned.StatusCode);
        Assert.Contains("reason", (await reassigned.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, rule.StatusCode);
        Assert.Contains("keyword", (await rule.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        var assignment = await _office.GetFromJsonAsync<JsonObject>($"/api/assignment/assignments/{id}");
        Assert.Equal(PlatformFixture.LeadUnit, assignment!["unitCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_of_garbage_keeps_a_thousand_row_errors_and_counts_the_rest()
    {
        // Arrange: 1,500 rows, each with a kind that is none
        var number = Items.NextNumber();
        var csv = new StringBuilder("kind,sessionYear,number,title,text,topic,submitterName,submitterProvince,submitterCity\r\n");
        for (var i = 0; i < 1_500; i++)
        {
            csv.Append(IntakeItems.CsvRow("Petition", 2020, number + i, "标题", "正文", "口岸", "代表", "广东省", "深圳市")).Append("\r\n");
        }

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");

        // Act
        using var response = await _office.PostAsync($"/api/intake/batches?batchReference=GARBAGE-{number}&assignedAt=2020-04-10", content);

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal(1_500, report["rejected"]!.GetValue<int>());
        Assert.Equal(1_000, report["errors"]!.AsArray().Count);
        Assert.Equal(500, report["errorsNotKept"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_csv_in_gb18030_is_read_as_such_and_one_not_in_its_encoding_is_refused_by_line()
    {
        // Arrange: the same kind of file saved by Excel on Chinese Windows, and one with a byte no UTF-8 has
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var number = Items.NextNumber();
        var text = "kind,sessionYear,number,title,text,topic,submitterName,submitterProvince,submitterCity\r\n"
            + IntakeItems.CsvRow("Suggestion", 2020, number, "关于口岸建设的建议", "正文", "口岸", "代表甲", "广东省", "深圳市") + "\r\n";
        using var gb18030 = new ByteArrayContent(System.Text.Encoding.GetEncoding("GB18030").GetBytes(text));
        gb18030.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") { CharSet = "gb18030" };
        using var broken = new ByteArrayContent([.. Encoding.UTF8.GetBytes(text), 0xC3, 0x28, (byte)'\r', (byte)'\n']);
        broken.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");

        // Act
        using var read = await _office.PostAsync($"/api/intake/batches?batchReference=GB-{number}&assignedAt=2020-04-10", gb18030);
        using var refused = await _office.PostAsync($"/api/intake/batches?batchReference=BROKEN-{number}&assignedAt=2020-04-10", broken);

        // Assert
        Assert.Equal(HttpStatusCode.Created, read.StatusCode);
        var page = await _office.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?number={number}");
        Assert.Equal("关于口岸建设的建议", page!["items"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("line 3", (await refused.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
    }
}
