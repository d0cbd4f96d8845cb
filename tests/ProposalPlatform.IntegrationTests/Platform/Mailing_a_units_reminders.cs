using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The reminders reach a unit's people: its items' deadlines passed or near become notices the portal
/// lists, and one digest a day in their mailbox — read back here from the local smtp4dev's REST API —
/// that names the items and never a submitter's contact details. A mail server that is away delays
/// the digest and loses none.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class Mailing_a_units_reminders(PlatformFixture platform)
{
    private const string Phone = "13900007788";
    private const string Address = "广东省深圳市福田区提醒路8号";

    [Fact]
    public async Task A_units_people_get_one_digest_naming_its_items_and_no_submitters_contact_details()
    {
        // Arrange: a unit of its own with one item a month overdue and one due in three days, and no one to mail yet
        var (unit, topic) = await AssignmentOffice.UnitOfItsOwnAsync(platform, "提醒测试司");
        var overdue = await RegisterAsync(topic, DateTimeOffset.UtcNow.AddMonths(-4));
        var nearlyDue = await RegisterAsync(topic, DateTimeOffset.UtcNow.AddMonths(-3).AddDays(3));
        var notices = await NoticesWhenListedAsync(platform.Gateway, unit, (overdue.Id, "ReplyOverdue"), (nearlyDue.Id, "ReplyDue"));
        Assert.All(notices, n => Assert.Null(n["mailedAt"]?.GetValue<DateTimeOffset>()));

        // Act: the office gives a handler of the unit an e-mail address
        var email = $"{unit.ToLowerInvariant()}@customs.gov.cn";
        var person = await CreatePersonAsync(unit, email);

        // Assert: one digest, to that address, naming the unit and both items, with no submitter's details
        var (subject, body) = await DigestToAsync(email);
        Assert.Matches(DigestSubject(), subject);
        Assert.Contains("提醒测试司", subject, StringComparison.Ordinal);
        Assert.Contains($"2020年建议第{overdue.Number}号《关于提醒测试的建议》", body, StringComparison.Ordinal);
        Assert.Contains($"2020年建议第{nearlyDue.Number}号《关于提醒测试的建议》", body, StringComparison.Ordinal);
        Assert.Contains("已超期", body, StringComparison.Ordinal);
        Assert.Contains("提前5天提醒", body, StringComparison.Ordinal);
        Assert.Contains($"items/{overdue.Id}", body, StringComparison.Ordinal);
        foreach (var secret in new[] { Phone, Address, overdue.Submitter, nearlyDue.Submitter })
        {
            Assert.DoesNotContain(secret, subject + body, StringComparison.Ordinal);
        }

        // …and the unit's own person sees the notices, mailed, in the portal's list; another unit's sees none of them
        using var handler = await PersonSignIn.ClientAsync(
            platform.GatewayAddress, person["userName"]!.GetValue<string>(), person["initialPassword"]!.GetValue<string>(), null);
        var own = await handler.GetWhenPresentAsync("/api/notifications", list => Mailed(list, overdue.Id) && Mailed(list, nearlyDue.Id));
        Assert.Equal(unit, own["unit"]!.GetValue<string>());
        Assert.Contains(own["items"]!.AsArray(), n => n!["text"]!.GetValue<string>().Contains($"第{overdue.Number}号", StringComparison.Ordinal));
        using var otherUnit = await platform.Handler.GetAsync($"/api/notifications?unit={unit}");
        Assert.Equal(HttpStatusCode.NotFound, otherUnit.StatusCode);
        Assert.DoesNotContain("提醒测试", await otherUnit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_the_mail_server_did_not_take_stays_pending_and_comes_through_once_it_is_back()
    {
        // Arrange: an overdue item of a unit of its own, and the mail server stopped
        var (unit, topic) = await AssignmentOffice.UnitOfItsOwnAsync(platform, "邮件中断测试司");
        var overdue = await RegisterAsync(topic, DateTimeOffset.UtcNow.AddMonths(-4));
        await NoticesWhenListedAsync(platform.Gateway, unit, (overdue.Id, "ReplyOverdue"));
        await platform.App.ResourceCommands.ExecuteCommandAsync(ResourceNames.MailServer, KnownResourceCommands.StopCommand);
        await platform.App.ResourceNotifications.WaitForResourceAsync(ResourceNames.MailServer, KnownResourceStates.TerminalStates);

        try
        {
            // Act: the unit gets someone to mail while the server is away
            var email = $"{unit.ToLowerInvariant()}@customs.gov.cn";
            await CreatePersonAsync(unit, email);

            // Assert: the digest is kept and tried again and again…
            var pending = await Eventually.Until(() => DigestStateAsync(unit), d => d is { Attempts: >= 2 }, "the digest tried twice", TimeSpan.FromSeconds(60));
            Assert.Null(pending!.SentAt);
            Assert.NotNull(pending.LastError);
        }
        finally
        {
            await platform.App.ResourceCommands.ExecuteCommandAsync(ResourceNames.MailServer, KnownResourceCommands.StartCommand);
            await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.MailServer);
        }

        // …and goes through once the server is back
        var (_, body) = await DigestToAsync($"{unit.ToLowerInvariant()}@customs.gov.cn");
        Assert.Contains($"第{overdue.Number}号", body, StringComparison.Ordinal);
        var sent = await Eventually.Until(() => DigestStateAsync(unit), d => d?.SentAt is not null, "the digest marked sent");
        Assert.True(sent!.Attempts >= 2);
    }

    private async Task<(Guid Id, int Number, string Submitter)> RegisterAsync(string topic, DateTimeOffset assignedByOfficeAt)
    {
        var number = Items.NextNumber();
        var item = Items.Suggestion(number, topic);
        item["title"] = "关于提醒测试的建议";
        item["assignedByOfficeAt"] = assignedByOfficeAt.ToString("O");
        var submitter = item["leadSubmitter"]!.AsObject();
        submitter["phone"] = Phone;
        submitter["address"] = Address;
        var id = (await platform.Gateway.RegisterAsync(item))["id"]!.GetValue<Guid>();
        return (id, number, submitter["name"]!.GetValue<string>());
    }

    private async Task<JsonObject> CreatePersonAsync(string unit, string email)
    {
        using var response = await platform.Gateway.PostAsJsonAsync("/api/identity/people", new
        {
            userName = $"p{Guid.NewGuid():N}"[..20],
            displayName = "提醒收件人",
            unitCode = unit,
            roles = new[] { PlatformRoles.UnitHandler },
            email,
        });
        Assert.True(response.IsSuccessStatusCode, $"creating a person answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var person = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(email, person["email"]!.GetValue<string>());
        return person;
    }

    /// <summary>The unit's notices once each expected one is listed with its item's number known.</summary>
    private static async Task<IReadOnlyList<JsonNode>> NoticesWhenListedAsync(HttpClient caller, string unit, params (Guid Item, string Kind)[] expected)
    {
        var list = await caller.GetWhenPresentAsync($"/api/notifications?unit={unit}", list => expected.All(e => list["items"]!.AsArray().Any(n =>
            n!["proposalId"]!.GetValue<Guid>() == e.Item && n["kind"]!.GetValue<string>() == e.Kind && n["item"] is JsonObject)));
        return [.. list["items"]!.AsArray().Select(n => n!)];
    }

    private static bool Mailed(JsonNode list, Guid item) =>
        list["items"]!.AsArray().Any(n => n!["proposalId"]!.GetValue<Guid>() == item && n["mailedAt"] is not null);

    /// <summary>The one message to <paramref name="email"/> in smtp4dev, once it is there: its subject and its plain text.</summary>
    private async Task<(string Subject, string Body)> DigestToAsync(string email)
    {
        using var inbox = new HttpClient { BaseAddress = platform.MailInboxAddress, Timeout = TimeSpan.FromSeconds(30) };
        var messages = await Eventually.Until(
            async () => await MessagesToAsync(inbox, email),
            found => found.Count > 0,
            $"a digest to {email} in smtp4dev",
            TimeSpan.FromSeconds(60));
        var message = Assert.Single(messages);
        var body = await inbox.GetStringAsync($"/api/messages/{message["id"]!.GetValue<string>()}/plaintext");
        return (message["subject"]!.GetValue<string>(), body);
    }

    private static async Task<IReadOnlyList<JsonNode>> MessagesToAsync(HttpClient inbox, string email)
    {
        try
        {
            var page = await inbox.GetFromJsonAsync<JsonObject>("/api/messages?pageSize=500");
            return [.. page!["results"]!.AsArray().Where(m => m!["to"]!.AsArray().Any(to => string.Equals(to!.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase))).Select(m => m!)];
        }
        catch (HttpRequestException)
        {
            // the mail server is starting again
            return [];
        }
    }

    private sealed record DigestState(int Attempts, DateTimeOffset? SentAt, string? LastError);

    private async Task<DigestState?> DigestStateAsync(string unit)
    {
        await using var connection = new NpgsqlConnection(await platform.ConnectionStringAsync(ResourceNames.NotificationsDatabase));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT attempts, sent_at, last_error FROM digests WHERE unit_code = @unit", connection);
        command.Parameters.AddWithValue("unit", unit);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new DigestState(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }

    [GeneratedRegex(@"^【提醒】\S+ \d{4}年\d{1,2}月\d{1,2}日 待办提醒 \(\d+件\)$")]
    private static partial Regex DigestSubject();
}
