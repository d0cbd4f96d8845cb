using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The lists a unit works from in the portal: its worklist (reporting), its contact calendar
/// (contact-scheduling) and its head's sign-off queue (reply) — each the unit's own, refused to others.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Listing_a_units_work(PlatformFixture platform)
{
    private const string OtherUnit = "HQ-PORTS";

    [Fact]
    public async Task A_units_worklist_lists_its_open_items_a_page_at_a_time_and_is_its_own()
    {
        // Arrange: two items of a unit of its own, one of them with its deadline extended to later
        var (unit, topic) = await AssignmentOffice.UnitOfItsOwnAsync(platform, "待办清单处");
        var handler = await platform.ClientAsync(unit, PlatformRoles.UnitHandler);
        var later = await AssignedItemAsync(topic);
        var sooner = await AssignedItemAsync(topic);
        await handler.ExplainProgressAsync(later);
        using (var extended = await platform.Gateway.PostAsJsonAsync($"/api/assignment/assignments/{later}/extend",
                   new { newDueAt = DateTimeOffset.UtcNow.AddMonths(5), reason = "需协调多部门" }))
        {
            Assert.True(extended.IsSuccessStatusCode, await extended.Content.ReadAsStringAsync());
        }

        // Act
        var worklist = await platform.Handler.GetWhenPresentAsync("/api/reporting/worklist", _ => true);
        var own = await handler.GetWhenPresentAsync("/api/reporting/worklist",
            w => w["total"]!.GetValue<int>() == 2 && RowOf(w, later)?["dueAt"]?.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMonths(4));
        var firstPage = await handler.GetFromJsonAsync<JsonObject>("/api/reporting/worklist?pageSize=1");
        var office = await platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/reporting/worklist?unit={unit}");
        var other = await platform.ClientAsync(OtherUnit, PlatformRoles.UnitHandler);
        using var othersAsked = await other.GetAsync($"/api/reporting/worklist?unit={unit}");
        using var officeUnnamed = await platform.Gateway.GetAsync("/api/reporting/worklist");
        using var noPage = await handler.GetAsync("/api/reporting/worklist?page=0&pageSize=201");

        // Assert: the unit's own two, the sooner due first, a page at a time, with their deadlines
        Assert.Equal(unit, own["unit"]!.GetValue<string>());
        Assert.Equal([sooner, later], own["items"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()));
        Assert.All(own["items"]!.AsArray(), row =>
        {
            Assert.Equal("Lead", row!["role"]!.GetValue<string>());
            Assert.Equal("Assigned", row["status"]!.GetValue<string>());
            Assert.False(row["overdue"]!.GetValue<bool>());
        });
        Assert.Equal(0, own["overdue"]!.GetValue<int>());
        Assert.Equal(sooner, Assert.Single(firstPage!["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        Assert.Equal(2, firstPage["total"]!.GetValue<int>());
        Assert.Equal(2, office!["total"]!.GetValue<int>());
        Assert.Null(RowOf(worklist, later));
        Assert.Equal(HttpStatusCode.NotFound, othersAsked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, officeUnnamed.StatusCode);
        Assert.True((await officeUnnamed.ReadJsonAsync())["errors"]!["unit"] is not null);
        Assert.Equal(HttpStatusCode.BadRequest, noPage.StatusCode);
        var errors = (await noPage.ReadJsonAsync())["errors"]!;
        Assert.True(errors["page"] is not null && errors["pageSize"] is not null);
    }

    [Fact]
    public async Task A_units_calendar_shows_its_planned_contacts_in_a_window_and_refuses_bad_windows_and_other_units()
    {
        // Arrange: a phone call planned in two days
        var id = await AssignedItemAsync();
        await platform.Handler.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        var start = DateTimeOffset.UtcNow.AddDays(2).AddMinutes(Items.NextNumber() % 1000);
        using (var plan = await platform.Handler.PostAsJsonAsync($"/api/contacts/tasks/{id}/plans", new
               {
                   channel = "Phone", plannedStart = start, plannedEnd = start.AddMinutes(30), handler = $"日历{id:N}",
               }))
        {
            Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());
        }

        var window = $"from={Uri.EscapeDataString(start.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(start.AddDays(6).ToString("O"))}";

        // Act
        var calendar = await platform.Handler.GetFromJsonAsync<JsonArray>($"/api/contacts/calendar?{window}");
        var office = await platform.Gateway.GetFromJsonAsync<JsonArray>($"/api/contacts/calendar?{window}&unit={PlatformFixture.LeadUnit}");
        var other = await platform.ClientAsync(OtherUnit, PlatformRoles.UnitHandler);
        using var othersAsked = await other.GetAsync($"/api/contacts/calendar?{window}&unit={PlatformFixture.LeadUnit}");
        var ownOfOther = await other.GetFromJsonAsync<JsonArray>($"/api/contacts/calendar?{window}");
        using var noFrom = await platform.Handler.GetAsync($"/api/contacts/calendar?to={Uri.EscapeDataString(start.ToString("O"))}");
        using var tooLong = await platform.Handler.GetAsync(
            $"/api/contacts/calendar?from={Uri.EscapeDataString(start.ToString("O"))}&to={Uri.EscapeDataString(start.AddDays(63).ToString("O"))}");

        // Assert
        var planned = Assert.Single(calendar!, c => c!["proposalId"]!.GetValue<Guid>() == id);
        Assert.Equal("Planned", planned!["status"]!.GetValue<string>());
        Assert.Equal(start, planned["plannedStart"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMilliseconds(1));
        Assert.Contains(office!, c => c!["proposalId"]!.GetValue<Guid>() == id);
        Assert.Equal(HttpStatusCode.Forbidden, othersAsked.StatusCode);
        Assert.DoesNotContain(ownOfOther!, c => c!["proposalId"]!.GetValue<Guid>() == id);
        Assert.Equal(HttpStatusCode.BadRequest, noFrom.StatusCode);
        Assert.True((await noFrom.ReadJsonAsync())["errors"]!["from"] is not null);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.ReadJsonAsync())["errors"]!["to"] is not null);
    }

    [Fact]
    public async Task A_submitted_draft_waits_in_its_units_sign_off_queue_until_the_head_decides()
    {
        // Arrange: the handler saves a draft and submits it
        var id = await AssignedItemAsync();
        await platform.Handler.GetWhenPresentAsync($"/api/replies/{id}");
        var version = await platform.Handler.SaveDraftAsync(id, "关于您提出的建议，答复如下：……如有疑问请致电13800138000。");
        await platform.Handler.SignOffAsync(id, new { draftVersion = version, step = "Handler", decision = "Approve" });

        // Act
        var queue = await platform.Head.GetFromJsonAsync<JsonArray>("/api/replies/sign-off-queue");
        var otherHead = await platform.ClientAsync(OtherUnit, PlatformRoles.UnitHead);
        var othersQueue = await otherHead.GetFromJsonAsync<JsonArray>("/api/replies/sign-off-queue");
        using var othersAsked = await otherHead.GetAsync($"/api/replies/sign-off-queue?unitCode={PlatformFixture.LeadUnit}");
        using var blank = await platform.Gateway.GetAsync("/api/replies/sign-off-queue?unitCode=%20");
        var officeOfUnit = await platform.Gateway.GetFromJsonAsync<JsonArray>($"/api/replies/sign-off-queue?unitCode={PlatformFixture.LeadUnit}");
        await platform.Head.SignOffAsync(id, new { draftVersion = version, step = "UnitHead", decision = "Approve", publication = "FullText" });
        var after = await platform.Head.GetFromJsonAsync<JsonArray>("/api/replies/sign-off-queue");
        var reply = await platform.Handler.GetFromJsonAsync<JsonObject>($"/api/replies/{id}");

        // Assert: waiting for the head, in the head's queue only, gone once decided
        var waiting = Assert.Single(queue!, q => q!["proposalId"]!.GetValue<Guid>() == id)!;
        Assert.Equal("UnitHead", waiting["awaitedStep"]!.GetValue<string>());
        Assert.Equal(version, waiting["draftVersion"]!.GetValue<int>());
        Assert.DoesNotContain(othersQueue!, q => q!["proposalId"]!.GetValue<Guid>() == id);
        Assert.Equal(HttpStatusCode.Forbidden, othersAsked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.True((await blank.ReadJsonAsync())["errors"]!["unitCode"] is not null);
        Assert.Contains(officeOfUnit!, q => q!["proposalId"]!.GetValue<Guid>() == id);
        Assert.DoesNotContain(after!, q => q!["proposalId"]!.GetValue<Guid>() == id);

        // and the reply shows, before it is issued, what will be published: the text without the phone
        Assert.Equal("FullText", reply!["publication"]!.GetValue<string>());
        var preview = reply["publicTextPreview"]!.GetValue<string>();
        Assert.Contains("答复如下", preview);
        Assert.DoesNotContain("13800138000", preview);
    }

    private async Task<Guid> AssignedItemAsync(string topic = "综合保税区")
    {
        var id = (await platform.Gateway.RegisterAsync(Items.Suggestion(Items.NextNumber(), topic)))["id"]!.GetValue<Guid>();
        await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{id}/story", s => s["status"]!.GetValue<string>() == "Assigned");
        return id;
    }

    private static JsonNode? RowOf(JsonNode worklist, Guid id) =>
        worklist["items"]!.AsArray().FirstOrDefault(r => r!["id"]!.GetValue<Guid>() == id);
}
