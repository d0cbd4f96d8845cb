using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// A joint suggestion from start to end through the gateway (<see cref="WholeLife"/>), and the corrections
/// and sign-offs of a reply on the way.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Living_the_whole_life_of_an_item(PlatformFixture platform)
{
    private readonly HttpClient _office = platform.Gateway;
    private readonly HttpClient _handler = platform.Handler;

    [Fact]
    public Task A_joint_key_suggestion_is_visited_replied_to_reopened_and_replied_to_again_by_real_accounts() =>
        WholeLife.LiveAsync(platform);

    [Fact]
    public async Task A_co_signer_added_by_a_correction_may_be_contacted_and_gets_the_reply()
    {
        // Arrange: a single deputy's suggestion, assigned
        var id = (await _office.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        await _office.GetWhenPresentAsync($"/api/replies/{id}");

        // Act: the office corrects it with a co-signer the assigning office had left out
        await WholeLife.PostOkAsync(_office, $"/api/intake/proposals/{id}/corrections", new
        {
            reason = "交办单漏列附议代表",
            coSigners = new[] { new { name = "周六", province = "广东省", city = "东莞市" } },
        });
        await _office.GetWhenPresentAsync($"/api/replies/{id}", r => r["coSignerNames"]!.AsArray().Count == 1);
        await _office.GetWhenPresentAsync($"/api/contacts/tasks/{id}", t => t["coSignerNames"]!.AsArray().Count == 1);
        var contact = Items.Contact(DateTimeOffset.UtcNow);
        contact["submitterName"] = "周六";
        await WholeLife.PostCreatedAsync(_handler, $"/api/contacts/tasks/{id}/contacts", contact);
        await WholeLife.PostCreatedAsync(_handler, $"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow));
        await _office.GetWhenPresentAsync($"/api/replies/{id}", r => r["contactCompleted"]!.GetValue<bool>());
        await platform.DraftAndSignOffAsync(id);
        var issued = await WholeLife.PostOkAsync(_handler, $"/api/replies/{id}/issue", Items.Issue("A"));

        // Assert: the reply went to the lead submitter and the added co-signer
        var recipients = issued["replies"]!.AsArray()[0]!["recipients"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(2, recipients.Count);
        Assert.Contains("周六", recipients);
    }

    [Fact]
    public async Task A_key_item_is_issued_only_after_the_proposal_office_signs_off()
    {
        // Arrange: a key item under a committee's supervision, contact made, signed off by handler and unit head
        var item = Items.Suggestion(Items.NextNumber());
        item["isKeyItem"] = true;
        item["supervisingBody"] = "全国人大财政经济委员会";
        var id = (await _office.RegisterAsync(item))["id"]!.GetValue<Guid>();
        await _office.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        await WholeLife.PostCreatedAsync(_handler, $"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow));
        await _office.GetWhenPresentAsync($"/api/replies/{id}", r => r["contactCompleted"]!.GetValue<bool>() && r["isKeyItem"]!.GetValue<bool>());
        var version = await _handler.SaveDraftAsync(id, "关于您提出的重点建议，答复如下：……");
        await _handler.SignOffAsync(id, new { draftVersion = version, step = "Handler", decision = "Approve" });
        await platform.Head.SignOffAsync(id, new { draftVersion = version, step = "UnitHead", decision = "Approve" });

        // Act
        using var early = await _handler.PostAsJsonAsync($"/api/replies/{id}/issue", Items.Issue("A"));
        using var headForOffice = await platform.Head.PostAsJsonAsync($"/api/replies/{id}/sign-offs", new { draftVersion = version, step = "ProposalOffice", decision = "Approve", publication = "Summary", summary = "x" });
        await _office.SignOffAsync(id, new { draftVersion = version, step = "ProposalOffice", decision = "Approve", publication = "Summary", summary = "已采纳，正在落实。" });
        using var issued = await _handler.PostAsJsonAsync($"/api/replies/{id}/issue", Items.Issue("A"));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("signOff", (await early.ReadJsonAsync())["missing"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, headForOffice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var reply = (await issued.ReadJsonAsync())["replies"]!.AsArray()[0]!;
        Assert.Equal("Summary", reply["publication"]!.GetValue<string>());
        Assert.Equal("已采纳，正在落实。", reply["publicText"]!.GetValue<string>());
    }
}
