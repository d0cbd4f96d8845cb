using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.IntegrationTests.Platform;

namespace ProposalPlatform.IntegrationTests.Portal;

/// <summary>
/// An item handled in the browser by the lead unit: its handler plans the contact (a clash shown
/// before saving), records it, drafts twice and submits; its head signs off, seeing what changed; the
/// handler issues the reply, seeing first what will be published, and records the feedback.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Handling_an_item_in_the_portal(PlatformFixture platform)
{
    [Fact]
    public async Task A_handler_plans_drafts_and_submits_the_head_signs_off_and_the_handler_issues()
    {
        // Arrange: an item the lead unit handles, with a call already booked with its submitter tomorrow at 10:00
        // (a unit of its own: its worklist and queue hold this item alone, whatever else the suite does)
        var (unit, topic) = await AssignmentOffice.UnitOfItsOwnAsync(platform, "走查办理处");
        var unitHandler = await platform.ClientAsync(unit, PlatformRoles.UnitHandler);
        var number = Items.NextNumber();
        var item = Items.Suggestion(number, topic);
        item["title"] = $"关于办理{number}号综合保税区政策的建议";
        var submitter = item["leadSubmitter"]!["name"]!.GetValue<string>();
        var id = (await platform.Gateway.RegisterAsync(item))["id"]!.GetValue<Guid>();
        await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{id}/story", s => s["status"]!.GetValue<string>() == "Assigned");
        await unitHandler.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(1);
        var booked = new DateTimeOffset(tomorrow.AddHours(10), TimeSpan.FromHours(8));
        using (var plan = await unitHandler.PostAsJsonAsync($"/api/contacts/tasks/{id}/plans", new
               {
                   channel = "Video", plannedStart = booked, plannedEnd = booked.AddHours(1), handler = "王处长", submitterName = submitter,
               }))
        {
            Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());
        }

        var handler = await platform.CreatePersonAsync(unit, PlatformRoles.UnitHandler);
        var head = await platform.CreatePersonAsync(unit, PlatformRoles.UnitHead);

        // Act and assert, person by person
        await WalkAsync("handler", handler, async (browser, page) =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "本单位待办" }).ClickAsync();
            await Assertions.Expect(page.Locator("#worklist")).ToContainTextAsync(item["title"]!.GetValue<string>());
            await browser.ShotAsync("worklist");
            await browser.CheckAccessibilityAsync("worklist");
            await page.GetByRole(AriaRole.Link, new() { Name = item["title"]!.GetValue<string>() }).ClickAsync();
            await Assertions.Expect(page.Locator("#contact-state")).ToContainTextAsync("尚未完成联系");

            // a time overlapping the booked call with the same submitter is shown as a clash, and cannot be saved
            await page.FillAsync("#date", tomorrow.ToString("yyyy-MM-dd"));
            await page.FillAsync("#start", "10:30");
            await page.FillAsync("#end", "11:00");
            await page.Locator("#end").BlurAsync();
            await Assertions.Expect(page.Locator("#clash")).ToContainTextAsync("时间冲突");
            await Assertions.Expect(page.Locator("#calendar .clash")).ToContainTextAsync(submitter);
            await Assertions.Expect(page.Locator("#plan")).ToBeDisabledAsync();
            await browser.ShotAsync("clash-shown");
            await browser.CheckAccessibilityAsync("item-planner");

            // another time is planned, then held and recorded
            await page.FillAsync("#start", "14:00");
            await page.FillAsync("#end", "14:30");
            await page.Locator("#end").BlurAsync();
            await Assertions.Expect(page.Locator("#clash")).ToHaveCountAsync(0);
            await page.ClickAsync("#plan");
            var planned = page.Locator("#contacts tr", new() { HasText = "14:00" });
            await Assertions.Expect(planned).ToContainTextAsync("已计划");
            await browser.ShotAsync("planned");
            await planned.Locator(".record-outcome").ClickAsync();
            await page.FillAsync("#notes", "电话沟通，代表认可办理思路");
            await page.ClickAsync("#save-outcome");
            await Assertions.Expect(page.Locator("#contact-state")).ToContainTextAsync("本轮已完成联系");
            await browser.ShotAsync("contact-recorded");

            // the progress explained to the deputy is recorded: an extension past three months rests on it
            await Assertions.Expect(page.Locator("#progress-none")).ToBeVisibleAsync();
            await page.ClickAsync("#progress-submit");
            await Assertions.Expect(page.Locator("#progress-problem")).ToBeVisibleAsync();
            await page.Locator("#progress-channel").ClickAsync();
            await page.Locator(".mud-popover-open").GetByText("电话", new() { Exact = true }).ClickAsync();
            await page.FillAsync("#progress-account", "电话告知代表：政策正在会签，预计年内出台。");
            await page.ClickAsync("#progress-submit");
            await Assertions.Expect(page.Locator("#progress-list")).ToContainTextAsync("预计年内出台");
            await browser.ShotAsync("progress-explained");

            // two versions of the draft, the second submitted
            await page.FillAsync("#draft", "关于您提出的建议，答复如下：我署将推进综合保税区政策落实。");
            await page.ClickAsync("#save-draft");
            await Assertions.Expect(page.Locator("#sign-off-status")).ToContainTextAsync("第1稿");
            await page.FillAsync("#draft", "关于您提出的建议，答复如下：我署将于年内推进综合保税区政策落实。联系电话13800138000。");
            await page.ClickAsync("#save-draft");
            await Assertions.Expect(page.Locator("#sign-off-status")).ToContainTextAsync("第2稿");
            await Assertions.Expect(page.Locator("#changes ins").Filter(new() { HasText = "于年内" })).ToBeVisibleAsync();
            await page.ClickAsync("#submit");
            await Assertions.Expect(page.Locator("#sign-off-status")).ToContainTextAsync("待单位负责人签发");
            await browser.ShotAsync("submitted");
        });

        await WalkAsync("head", head, async (browser, page) =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "待签发" }).ClickAsync();
            var waiting = page.GetByRole(AriaRole.Link, new() { Name = item["title"]!.GetValue<string>() });
            await Assertions.Expect(waiting).ToBeVisibleAsync();
            await browser.ShotAsync("sign-off-queue");
            await browser.CheckAccessibilityAsync("sign-off-queue");
            await waiting.ClickAsync();
            await Assertions.Expect(page.Locator("#changes ins").Filter(new() { HasText = "于年内" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#sign-off-form")).ToBeVisibleAsync();
            await browser.ShotAsync("draft-with-changes");

            // on a tablet held upright the page still fits its width, the sign-off at hand
            await page.SetViewportSizeAsync(768, 1024);
            await Assertions.Expect(page.Locator("#approve")).ToBeVisibleAsync();
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), "the item page is wider than a tablet");
            await browser.ShotAsync("tablet");
            await page.SetViewportSizeAsync(1366, 768);
            await page.ClickAsync("#approve");
            await Assertions.Expect(page.Locator("#sign-off-status")).ToContainTextAsync("已签发");
            await browser.ShotAsync("signed-off");
        });

        await WalkAsync("issuer", handler, async (browser, page) =>
        {
            await page.GotoAsync(new Uri(platform.GatewayAddress, $"/items/{id}").ToString());
            // what will be published is shown first, without the phone number
            var preview = page.Locator("#public-text");
            await Assertions.Expect(preview).ToContainTextAsync("于年内推进");
            await Assertions.Expect(preview).Not.ToContainTextAsync("13800138000");
            await page.FillAsync("#leader-name", "王芳");
            await page.FillAsync("#leader-phone", "010-65194114");
            await page.FillAsync("#handler-phone", "13900139000");
            await browser.ShotAsync("before-issue");
            await browser.CheckAccessibilityAsync("item-issue");
            await page.ClickAsync("#issue");
            await Assertions.Expect(page.Locator("#issued")).ToContainTextAsync("已答复：A类");
            await browser.ShotAsync("issued");
            await page.ClickAsync("#save-feedback");
            await Assertions.Expect(page.Locator("#feedback-form")).ToHaveCountAsync(0);
            await browser.ShotAsync("feedback");
        });

        // the services agree: replied, signed by each in their own name, the feedback recorded
        var reply = await unitHandler.GetFromJsonAsync<JsonObject>($"/api/replies/{id}");
        Assert.True(reply!["issued"]!.GetValue<bool>());
        Assert.Equal("A", reply["resultClass"]!.GetValue<string>());
        Assert.Equal(2, reply["draftVersion"]!.GetValue<int>());
        var steps = reply["signOffs"]!.AsArray();
        Assert.Contains(PlatformRoles.UnitHandler, steps[0]!["by"]!.GetValue<string>());
        Assert.Contains(PlatformRoles.UnitHead, steps[1]!["by"]!.GetValue<string>());
        Assert.Equal("Satisfied", reply["replies"]![0]!["feedback"]!["onResult"]!.GetValue<string>());
    }

    private async Task WalkAsync(string walk, JsonObject person, Func<Browser, IPage, Task> steps)
    {
        await using var browser = await Browser.OpenAsync($"handling-{walk}");
        try
        {
            await browser.SignInAsync(platform.GatewayAddress, person["userName"]!.GetValue<string>(), person["initialPassword"]!.GetValue<string>());
            await steps(browser, browser.Page);
        }
        catch
        {
            await browser.ShotAsync("failed");
            throw;
        }
    }
}
