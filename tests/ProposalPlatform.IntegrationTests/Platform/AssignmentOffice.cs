using System.Net.Http.Json;
using MassTransit;
using Npgsql;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Intake;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// For the assignment tests: registers an item as the intake service announces it, with the assigning
/// office's date of assignment in the past (the reply clock starts then), so that a closed return window
/// or a passed deadline can be reached without moving the platform's clock. Also reads the assignment
/// service's outbox to count what it published.
/// </summary>
public static class AssignmentOffice
{
    public static async Task<Guid> AnnounceAsync(
        PlatformFixture platform, string topic, DateTimeOffset? assignedByOfficeAt = null, ProposalKind kind = ProposalKind.Suggestion)
    {
        var address = new Uri(await platform.ConnectionStringAsync(ResourceNames.Broker));
        var user = address.UserInfo.Split(':', 2);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(address.Host, (ushort)address.Port, "/", host =>
        {
            host.Username(Uri.UnescapeDataString(user[0]));
            host.Password(user.Length > 1 ? Uri.UnescapeDataString(user[1]) : string.Empty);
        }));
        await bus.StartAsync();
        try
        {
            var id = NewId.NextGuid();
            await bus.Publish(new ProposalRegistered(
                id, kind, 2020, Items.NextNumber(), "关于" + topic + (kind == ProposalKind.Proposal ? "的提案" : "的建议"), topic, "张三", "广东省", "深圳市",
                DateTimeOffset.UtcNow, AssignedByOfficeAt: assignedByOfficeAt));
            return id;
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>
    /// A new department of its own and a rule sending a topic no other item has to it: the lists of a
    /// unit (worklist, queues) then hold only what the test put there, whatever else the suite did.
    /// </summary>
    public static async Task<(string UnitCode, string Topic)> UnitOfItsOwnAsync(PlatformFixture platform, string name)
    {
        var code = $"T-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var topic = $"{name}{Items.NextNumber()}";
        using (var unit = await platform.Gateway.PostAsJsonAsync("/api/assignment/units", new { code, name, kind = "Department" }))
        {
            Assert.True(unit.IsSuccessStatusCode, $"creating the unit answered {(int)unit.StatusCode}: {await unit.Content.ReadAsStringAsync()}");
        }

        using (var rule = await platform.Gateway.PostAsJsonAsync("/api/assignment/rules", new { keyword = topic, unitCode = code, priority = 1 }))
        {
            Assert.True(rule.IsSuccessStatusCode, $"creating the rule answered {(int)rule.StatusCode}: {await rule.Content.ReadAsStringAsync()}");
        }

        return (code, topic);
    }

    /// <summary>How many messages of <paramref name="messageType"/> about the item the assignment service has queued to publish.</summary>
    public static async Task<long> PublishedCountAsync(PlatformFixture platform, string messageType, Guid proposalId)
    {
        await using var connection = new NpgsqlConnection(await platform.ConnectionStringAsync(ResourceNames.AssignmentDatabase));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE @type AND payload->>'proposalId' = @id", connection);
        command.Parameters.AddWithValue("type", $"ProposalPlatform.Contracts.Assignment.{messageType},%");
        command.Parameters.AddWithValue("id", proposalId.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
