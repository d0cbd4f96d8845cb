using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ProposalPlatform.IntegrationTests.Platform;

namespace ProposalPlatform.IntegrationTests.Portal;

/// <summary>The proposal office takes in the assigning office's batch and decides on similar items, in a browser.</summary>
[Collection(PlatformCollection.Name)]
public sealed class Office_intake_in_the_portal(PlatformFixture platform)
{
    private const string Header = "kind,sessionYear,number,title,text,topic,submitterName,submitterProvince,submitterCity";

    [Fact]
    public async Task The_office_uploads_a_batch_watches_it_finish_reads_its_bad_line_and_confirms_two_similar_items_side_by_side()
    {
        // Arrange: a batch of three rows whose second (line 3 of the file) is of no known kind
        var numbers = Enumerable.Range(0, 3).Select(_ => Items.NextNumber()).ToArray();
        var reference = $"NPC-2010-{numbers[0]}";
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var (number, kind) in numbers.Zip(new[] { "Suggestion", "Petition", "Suggestion" }))
        {
            csv.Append(IntakeItems.CsvRow(kind, 2010, number, $"关于{number}号口岸通关便利化的建议", "建议进一步优化口岸通关流程。", "口岸", $"代表{number}", "广东省", "深圳市"))
                .Append("\r\n");
        }

        var file = Path.Combine(Path.GetTempPath(), $"batch-{reference}.csv");
        await File.WriteAllTextAsync(file, csv.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        // (session 2010: the reporting test counts 2011 and 2012 exactly) and two items of session 2013 that differ in a few words, found similar by intake
        var random = new Random(2013);
        var body = IntakeItems.RandomText(random, 200);
        var first = Items.NextNumber();
        var second = Items.NextNumber();
        var a = await RegisterAsync(IntakeItems.Item(2013, first, $"关于加快{first}号综合保税区建设的建议", $"建议加快综合保税区建设。{body}"));
        var b = await RegisterAsync(IntakeItems.Item(2013, second, $"关于推进{first}号综合保税区建设的建议", $"建议全面推进综合保税区建设。{body}"));
        var pair = await Eventually.Until(
            async () => (await platform.Gateway.GetFromJsonAsync<JsonObject>("/api/intake/similar?status=Candidate&sessionYear=2013&pageSize=200"))!["items"]!.AsArray()
                .FirstOrDefault(p => new[] { p!["a"]!["id"]!.GetValue<Guid>(), p["b"]!["id"]!.GetValue<Guid>() }.Order().SequenceEqual(new[] { a, b }.Order())),
            p => p is not null, "the two items found similar");
        var pairId = pair!["id"]!.GetValue<Guid>();
        var admin = platform.OfficeAdmin;

        await using var browser = await Browser.OpenAsync("office-intake");
        var page = browser.Page;
        try
        {
            await browser.SignInAsync(platform.GatewayAddress, admin["userName"]!.GetValue<string>(), admin["password"]!.GetValue<string>(),
                admin["authenticatorKey"]!.GetValue<string>());

            // Act: the batch, chosen, named and uploaded
            await page.GetByRole(AriaRole.Link, new() { Name = "上传交办批次" }).First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "上传交办批次" })).ToBeVisibleAsync();
            await page.SetInputFilesAsync("#batch-file", file);
            await Assertions.Expect(page.Locator("#chosen")).ToContainTextAsync("CSV，3 件");
            await page.Locator("#batch-reference").FillAsync(reference);
            await page.Locator("#assigned-at").FillAsync("2010-04-10");
            await Assertions.Expect(page.Locator("#upload")).ToBeEnabledAsync();
            await browser.ShotAsync("batch-chosen");
            await page.ClickAsync("#upload");

            // Assert: the progress bar reaches the end, and the report names the bad line and its field
            await Assertions.Expect(page.Locator("#batch-status")).ToHaveTextAsync("已完成");
            await Assertions.Expect(page.Locator("#progress-text")).ToContainTextAsync("已读入 3 / 3 件");
            await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "读入进度" })).ToHaveAttributeAsync("aria-valuenow", "100");
            await Assertions.Expect(page.Locator("#accepted")).ToContainTextAsync("新登记 2 件");
            var badLine = page.Locator("#errors tbody tr");
            await Assertions.Expect(badLine).ToHaveCountAsync(1);
            await Assertions.Expect(badLine.Locator("td").Nth(0)).ToHaveTextAsync("3");
            await Assertions.Expect(badLine.Locator("td").Nth(1)).ToHaveTextAsync("类别");
            await browser.ShotAsync("batch-report");
            await browser.CheckAccessibilityAsync("batch-report");

            // the similar items, side by side, their differing words marked
            await page.GetByRole(AriaRole.Link, new() { Name = "相似件与并案" }).First.ClickAsync();
            await page.Locator("#pair-year").FillAsync("2013");
            await page.ClickAsync("#show-pairs");
            await page.ClickAsync($"#compare-{pairId}");
            var comparison = page.Locator("#comparison");
            await Assertions.Expect(comparison.Locator("#side-a .pair-title mark.diff")).ToHaveTextAsync(pair["a"]!["number"]!.GetValue<int>() == first ? "加快" : "推进");
            await Assertions.Expect(comparison.Locator("#side-b .pair-title mark.diff")).ToHaveTextAsync(pair["b"]!["number"]!.GetValue<int>() == first ? "加快" : "推进");
            await Assertions.Expect(comparison.Locator(".pair-text mark.diff").First).ToBeVisibleAsync();
            await browser.ShotAsync("side-by-side");
            await browser.CheckAccessibilityAsync("side-by-side");

            // confirmed: the pair is merged, and its two items are a cluster to form a group from
            await page.Locator("#note").FillAsync("内容基本相同，并案办理。");
            await page.ClickAsync("#confirm");
            await Assertions.Expect(page.Locator("#comparison-status")).ToHaveTextAsync("已并案");
            var cluster = page.Locator("#groups .mud-paper").Filter(new() { HasText = $"第{first}号" });
            await Assertions.Expect(page.Locator("#groups .mud-paper").First).ToContainTextAsync("第 1 簇");
            await Assertions.Expect(cluster.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
            await Assertions.Expect(cluster).ToContainTextAsync($"第{second}号");
            await browser.ShotAsync("confirmed");

            // the office forms the merged group under the first item: it is handled together from now on
            await Task.WhenAll(new[] { a, b }.Select(id => platform.Gateway.GetWhenPresentAsync($"/api/replies/{id}")));
            await cluster.GetByRole(AriaRole.Button, new() { Name = "组建并案组" }).ClickAsync();
            var formed = page.Locator("#open-groups .mud-paper").Filter(new() { HasText = $"第{first}号" });
            await Assertions.Expect(formed).ToContainTextAsync("并案组（2 件）");
            await Assertions.Expect(formed).ToContainTextAsync("牵头件");
            await Assertions.Expect(formed.GetByRole(AriaRole.Button, new() { Name = "移出本组" })).ToHaveCountAsync(1);
            await browser.ShotAsync("group-formed");
            await browser.CheckAccessibilityAsync("group-formed");

            // two items of the batch, not found similar, grouped by their numbers (the first the lead)
            foreach (var number in new[] { numbers[0], numbers[2] })
            {
                var found = await platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?sessionYear=2010&number={number}");
                await platform.Gateway.GetWhenPresentAsync($"/api/replies/{found!["items"]![0]!["id"]!.GetValue<Guid>()}");
            }

            await page.Locator("#hand-year").FillAsync("2010");
            await page.Locator("#hand-numbers").FillAsync($"{numbers[0]}, {numbers[2]}");
            await page.ClickAsync("#form-by-hand");
            var byHand = page.Locator("#open-groups .mud-paper").Filter(new() { HasText = $"第{numbers[2]}号" });
            await Assertions.Expect(byHand).ToContainTextAsync("并案组（2 件）");
            await browser.ShotAsync("group-by-hand");
        }
        catch
        {
            await browser.ShotAsync("failed");
            throw;
        }
        finally
        {
            File.Delete(file);
        }

        // and intake has them so: two items of the batch registered, the pair confirmed with its note
        var registered = await platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?sessionYear=2010&number={numbers[2]}");
        Assert.Equal(1, registered!["total"]!.GetValue<long>());
        var confirmed = (await platform.Gateway.GetFromJsonAsync<JsonObject>("/api/intake/similar?status=Confirmed&sessionYear=2013&pageSize=200"))!["items"]!.AsArray()
            .Single(p => p!["id"]!.GetValue<Guid>() == pairId);
        Assert.Equal("内容基本相同，并案办理。", confirmed!["note"]!.GetValue<string>());
        var reply = await platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/replies/{b}");
        Assert.Equal("Open", reply!["group"]!["status"]!.GetValue<string>());
    }

    private async Task<Guid> RegisterAsync(JsonObject item) =>
        (await platform.Gateway.RegisterAsync(item))["id"]!.GetValue<Guid>();
}
