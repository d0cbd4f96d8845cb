using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// Merged handling (并案) as the office and the unit do it: nine near-identical suggestions from
/// Meizhou found similar, confirmed in one decision and put in one group; the unit drafts once and
/// signs off once, contacts each deputy on their own, and one issue answers all nine, each to its own
/// submitters in a letter of its own number. The session years 2006, 2008 and 2009 are this class's alone, one per test, so nothing
/// else is similar to its items and a year's figures count its groups only.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Handling_similar_items_together(PlatformFixture platform)
{
    private readonly HttpClient _office = platform.Gateway;
    private readonly HttpClient _handler = platform.Handler;

    [Fact]
    public async Task Nine_similar_suggestions_are_confirmed_at_once_signed_off_once_and_answered_each_to_its_own_submitters()
    {
        // Arrange: nine deputies ask for the same thing in nearly the same words
        var ids = await RegisterClusterAsync(2009, 9);
        await _office.GetWhenPresentAsync($"/api/intake/proposals/{ids[0]}/similar", pairs => pairs.AsArray().Count == 8);

        // Act 1: the office confirms the cluster in one decision and forms the group under the first item
        var pairs = await PostAsync(_office, "/api/intake/similar/confirm", new { proposalIds = ids, note = "内容相同，并案办理" }, HttpStatusCode.OK);
        await Task.WhenAll(ids.Select(id => _office.GetWhenPresentAsync($"/api/replies/{id}")));
        var group = await PostAsync(_office, "/api/replies/groups", new { leadProposalId = ids[0], proposalIds = ids, note = "梅州九件并案" }, HttpStatusCode.Created);
        var groupId = group["groupId"]!.GetValue<Guid>();

        // the other items draft nothing of their own: the group's draft is the lead's
        using var memberDraft = await _handler.PutAsJsonAsync($"/api/replies/{ids[1]}/draft", new { text = "单独答复" });
        await platform.DraftAndSignOffAsync(ids[0], "关于您提出的梅州综合保税区的建议，答复如下：……");

        // each deputy is contacted on their own; with one contact missing the group's replies wait
        foreach (var id in ids.SkipLast(1))
        {
            await ContactAsync(id);
        }

        await Task.WhenAll(ids.SkipLast(1).Select(id => _office.GetWhenPresentAsync($"/api/replies/{id}", r => r["contactCompleted"]!.GetValue<bool>())));
        using var early = await _handler.PostAsJsonAsync($"/api/replies/{ids[0]}/issue", Items.Issue("A"));
        using var fromMember = await _handler.PostAsJsonAsync($"/api/replies/{ids[1]}/issue", Items.Issue("A"));
        await ContactAsync(ids[^1]);
        await _office.GetWhenPresentAsync($"/api/replies/{ids[^1]}", r => r["contactCompleted"]!.GetValue<bool>());

        // Act 2: one issue on the lead answers all nine
        await PostAsync(_handler, $"/api/replies/{ids[0]}/issue", Items.Issue("A"), HttpStatusCode.OK);

        // Assert: one decision confirmed all 36 pairs
        Assert.Equal(36, pairs.AsArray().Count);
        Assert.All(pairs.AsArray(), p => Assert.Equal("Confirmed", p!["status"]!.GetValue<string>()));
        Assert.Equal(9, group["items"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Conflict, memberDraft.StatusCode);

        // nothing went out while one deputy was not yet contacted, and the refusal names that item
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var refusal = await early.ReadJsonAsync();
        Assert.Equal([ids[^1]], refusal["items"]!.AsArray().Select(i => i!["proposalId"]!.GetValue<Guid>()));
        Assert.Contains("contact", refusal["missing"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, fromMember.StatusCode);

        // nine replies, the same signed-off text, each to its own deputy
        var replies = await Task.WhenAll(ids.Select(id => _office.GetFromJsonAsync<JsonObject>($"/api/replies/{id}")));
        Assert.All(replies, r => Assert.True(r!["issued"]!.GetValue<bool>()));
        var issued = replies.Select(r => r!["replies"]!.AsArray().Single()!).ToList();
        Assert.Single(issued.Select(r => r["text"]!.GetValue<string>()).Distinct());
        Assert.Equal(9, issued.Select(r => r["replyId"]!.GetValue<Guid>()).Distinct().Count());
        Assert.Equal(
            replies.Select(r => r!["leadSubmitterName"]!.GetValue<string>()),
            issued.Select(r => r["recipients"]!.AsArray().Single(x => x!["isLead"]!.GetValue<bool>())!["name"]!.GetValue<string>()));
        Assert.Equal(9, replies.Select(r => r!["leadSubmitterName"]!.GetValue<string>()).Distinct().Count());

        // nine letters, nine numbers; a member's letter is addressed to its own deputy
        Assert.Equal(9, issued.Select(r => r["letterNumber"]!.GetValue<string>()).Distinct().Count());
        using var letter = await _handler.GetAsync($"/api/replies/{ids[4]}/letter");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await letter.Content.ReadAsByteArrayAsync());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains(issued[4]["letterNumber"]!.GetValue<string>(), text, StringComparison.Ordinal);
        Assert.Contains($"{replies[4]!["leadSubmitterName"]!.GetValue<string>()}代表：", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{replies[0]!["leadSubmitterName"]!.GetValue<string>()}代表", text, StringComparison.Ordinal);

        // the group is closed, and each item's story tells of it
        var closed = await _office.GetFromJsonAsync<JsonObject>($"/api/replies/groups/{groupId}");
        Assert.Equal("Issued", closed!["status"]!.GetValue<string>());
        var story = await _office.GetWhenPresentAsync($"/api/reporting/items/{ids[4]}/story",
            s => s["timeline"]!.AsArray().Any(t => t!["step"]!.GetValue<string>() == "HandledInGroup"));
        Assert.Contains(ids[0].ToString(), story["timeline"]!.AsArray().First(t => t!["step"]!.GetValue<string>() == "HandledInGroup")!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // the year's figures count the items and the group
        var figures = await Eventually.Until(
            () => _office.GetFromJsonAsync<JsonObject>("/api/reporting/statistics/annual?year=2009"),
            f => f!["replies"]!["issued"]!["current"]!.GetValue<int>() == 9,
            "the nine replies counted");
        Assert.Equal(9, figures!["items"]!["current"]!.GetValue<int>());
        Assert.Equal(1, figures["mergedGroups"]!["current"]!.GetValue<int>());
        Assert.Equal(9, figures["itemsInMergedGroups"]!["current"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_item_leaves_its_group_before_sign_off_and_not_after()
    {
        // Arrange: three similar items in a group
        var ids = await RegisterClusterAsync(2008, 3);
        await Task.WhenAll(ids.Select(id => _office.GetWhenPresentAsync($"/api/replies/{id}")));
        var group = await PostAsync(_office, "/api/replies/groups", new { leadProposalId = ids[0], proposalIds = ids }, HttpStatusCode.Created);
        var groupId = group["groupId"]!.GetValue<Guid>();

        // Act: one leaves before sign-off; the lead may not leave; after sign-off nobody leaves
        using var left = await _office.DeleteAsync($"/api/replies/groups/{groupId}/items/{ids[2]}?reason=内容有别");
        using var leadLeaving = await _office.DeleteAsync($"/api/replies/groups/{groupId}/items/{ids[0]}");
        await platform.DraftAndSignOffAsync(ids[0]);
        using var afterSignOff = await _office.DeleteAsync($"/api/replies/groups/{groupId}/items/{ids[1]}");
        using var dissolveAfterSignOff = await _office.DeleteAsync($"/api/replies/groups/{groupId}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        var items = (await left.ReadJsonAsync())["items"]!.AsArray();
        Assert.False(items.Single(i => i!["proposalId"]!.GetValue<Guid>() == ids[2])!["inGroup"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Conflict, leadLeaving.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterSignOff.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, dissolveAfterSignOff.StatusCode);

        // the item that left drafts on its own again; the one still in the group does not
        var own = await _handler.SaveDraftAsync(ids[2], "单独答复如下：……");
        Assert.Equal(1, own);
        var member = await _office.GetFromJsonAsync<JsonObject>($"/api/replies/{ids[1]}");
        Assert.Equal(groupId, member!["group"]!["groupId"]!.GetValue<Guid>());
        await _office.GetWhenPresentAsync($"/api/reporting/items/{ids[2]}/story",
            s => s["timeline"]!.AsArray().Any(t => t!["step"]!.GetValue<string>() == "LeftGroup"));
    }

    [Fact]
    public async Task Only_the_office_forms_groups_every_bad_request_names_its_field_and_another_unit_sees_nothing()
    {
        // Arrange
        var ids = await RegisterClusterAsync(2006, 2);
        await Task.WhenAll(ids.Select(id => _office.GetWhenPresentAsync($"/api/replies/{id}")));
        using var tariff = await platform.PersonAsync("HQ-TARIFF", PlatformRoles.UnitHandler);

        // Act
        using var byHandler = await _handler.PostAsJsonAsync("/api/replies/groups", new { leadProposalId = ids[0], proposalIds = ids });
        using var noLead = await _office.PostAsJsonAsync("/api/replies/groups", new { proposalIds = ids });
        using var alone = await _office.PostAsJsonAsync("/api/replies/groups", new { leadProposalId = ids[0], proposalIds = new[] { ids[0] } });
        using var unknown = await _office.PostAsJsonAsync("/api/replies/groups", new { leadProposalId = ids[0], proposalIds = new[] { ids[1], Guid.NewGuid() } });
        using var clusterOfOne = await _office.PostAsJsonAsync("/api/intake/similar/confirm", new { proposalIds = new[] { ids[0] } });
        using var clusterByHandler = await _handler.PostAsJsonAsync("/api/intake/similar/confirm", new { proposalIds = ids });
        var group = await PostAsync(_office, "/api/replies/groups", new { leadProposalId = ids[0], proposalIds = ids }, HttpStatusCode.Created);
        var groupId = group["groupId"]!.GetValue<Guid>();
        using var again = await _office.PostAsJsonAsync("/api/replies/groups", new { leadProposalId = ids[1], proposalIds = ids });
        using var otherUnit = await tariff.GetAsync($"/api/replies/groups/{groupId}");
        using var otherUnitList = await tariff.GetAsync("/api/replies/groups");
        using var ownUnitList = await _handler.GetAsync("/api/replies/groups");
        using var anonymous = platform.Anonymous();
        using var noToken = await anonymous.GetAsync($"/api/replies/groups/{groupId}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, byHandler.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, clusterByHandler.StatusCode);
        await AssertFieldAsync(noLead, "leadProposalId");
        await AssertFieldAsync(alone, "proposalIds");
        await AssertFieldAsync(unknown, "proposalIds");
        await AssertFieldAsync(clusterOfOne, "proposalIds");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(2, (await again.ReadJsonAsync())["items"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, otherUnit.StatusCode);
        Assert.DoesNotContain(groupId.ToString(), await otherUnitList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(groupId.ToString(), await ownUnitList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
    }

    private async Task<Guid[]> RegisterClusterAsync(int year, int count)
    {
        // a word of this cluster's own keeps every other item of the session away from it
        var own = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var item = Items.Suggestion(Items.NextNumber());
            item["session"] = new JsonObject { ["year"] = year, ["term"] = 11, ["meeting"] = 2 };
            item["title"] = $"关于支持梅州设立综合保税区的建议{own}";
            item["text"] = $"建议海关总署支持梅州市设立综合保税区（{own}），促进加工贸易转型升级，扩大对外开放，带动客家地区就业和产业发展。第{i + 1}位代表。";
            ids.Add((await _office.RegisterAsync(item))["id"]!.GetValue<Guid>());
        }

        return [.. ids];
    }

    private async Task ContactAsync(Guid id)
    {
        await _office.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        await PostAsync(_handler, $"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow), HttpStatusCode.Created);
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == expected, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
    }
}
