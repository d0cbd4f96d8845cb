using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>What a district's client sends, and reading what comes back.</summary>
public static class Items
{
    private static int _lastNumber = Random.Shared.Next(100_000, 900_000);

    /// <summary>A session number no other test uses.</summary>
    public static int NextNumber() => Interlocked.Increment(ref _lastNumber);

    /// <summary>
    /// A deadline as the rules count it: calendar months and days on from the Beijing day of
    /// <paramref name="from"/>, to the last second of that Beijing day.
    /// </summary>
    public static DateTimeOffset BeijingDeadline(DateTimeOffset from, int months = 0, int days = 0)
    {
        var beijing = TimeSpan.FromHours(8);
        var day = DateOnly.FromDateTime(from.ToOffset(beijing).DateTime).AddMonths(months).AddDays(days);
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), beijing);
    }

    /// <summary>Today in Beijing, as a day the APIs take (yyyy-MM-dd).</summary>
    public static string BeijingToday() =>
        DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The lead unit explains the item's progress to the submitter today, which an extension past three months needs first.</summary>
    public static async Task ExplainProgressAsync(this HttpClient unit, Guid id, string channel = "Phone")
    {
        using var response = await unit.PostAsJsonAsync($"/api/assignment/assignments/{id}/progress-explanations",
            new { channel, explainedOn = BeijingToday(), account = "已向代表说明办理进展，预计延期答复" });
        Assert.True(response.IsSuccessStatusCode, $"explaining the progress answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static JsonObject Suggestion(int number, string topic = "综合保税区") => new()
    {
        ["kind"] = "Suggestion",
        ["session"] = new JsonObject { ["year"] = 2020, ["term"] = 13, ["meeting"] = 3 },
        ["number"] = number,
        ["title"] = "关于加快综合保税区建设的建议",
        ["text"] = "建议支持在本市设立综合保税区，促进加工贸易转型升级。",
        ["leadSubmitter"] = new JsonObject
        {
            // each item its own deputy: contacts with one submitter may not overlap, across items too
            ["name"] = $"张三{number}",
            ["delegation"] = "广东代表团",
            ["province"] = "广东省",
            ["city"] = "深圳市",
        },
        ["topic"] = topic,
    };

    public static JsonObject Contact(DateTimeOffset occurredAt, string outcome = "ReachedAndAgreed") => new()
    {
        ["channel"] = "Phone",
        ["occurredAt"] = occurredAt.ToString("O"),
        ["outcome"] = outcome,
        ["handler"] = "李四",
        ["notes"] = "电话沟通，代表同意办理意见",
    };

    /// <summary>What issuing a formal reply takes besides the result class: who answers for it.</summary>
    public static JsonObject Issue(string resultClass) => new()
    {
        ["resultClass"] = resultClass,
        ["leaderName"] = "王芳",
        ["leaderPhone"] = "010-65194114",
        ["handlerName"] = "李明",
        ["handlerPhone"] = "13800138000",
    };

    /// <summary>
    /// The lead unit's handler saves a draft and submits it, its head approves it; returns the draft
    /// version. Who signs is each one's token.
    /// </summary>
    public static Task<int> DraftAndSignOffAsync(this PlatformFixture platform, Guid id, string text = "关于您提出的建议，答复如下：……", string publication = "FullText") =>
        DraftAndSignOffAsync(platform.Handler, platform.Head, id, text, publication);

    /// <summary>As above, by the given handler and head; <paramref name="publication"/> null leaves the decision to the office (key items).</summary>
    public static async Task<int> DraftAndSignOffAsync(HttpClient handler, HttpClient head, Guid id, string text, string? publication = "FullText")
    {
        var version = await handler.SaveDraftAsync(id, text);
        await SignOffAsync(handler, id, new { draftVersion = version, step = "Handler", decision = "Approve" });
        await SignOffAsync(head, id, publication is null
            ? new { draftVersion = version, step = "UnitHead", decision = "Approve" }
            : (object)new { draftVersion = version, step = "UnitHead", decision = "Approve", publication });
        return version;
    }

    /// <summary>Saves a new version of the draft; returns its number.</summary>
    public static async Task<int> SaveDraftAsync(this HttpClient handler, Guid id, string text = "关于您提出的建议，答复如下：……")
    {
        using var draft = await handler.PutAsJsonAsync($"/api/replies/{id}/draft", new { text });
        Assert.True(draft.IsSuccessStatusCode, $"draft answered {(int)draft.StatusCode}: {await draft.Content.ReadAsStringAsync()}");
        return (await draft.ReadJsonAsync())["version"]!.GetValue<int>();
    }

    public static async Task SignOffAsync(this HttpClient gateway, Guid id, object signOff)
    {
        using var response = await gateway.PostAsJsonAsync($"/api/replies/{id}/sign-offs", signOff);
        Assert.True(response.IsSuccessStatusCode, $"sign-off answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new JsonException("The response has no JSON body.");

    public static async Task<JsonNode> RegisterAsync(this HttpClient gateway, JsonObject item)
    {
        using var response = await gateway.PostAsJsonAsync("/api/intake/proposals", item);
        Assert.True(response.IsSuccessStatusCode, $"register answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>Polls a GET until it answers 200 (the event it depends on has arrived), then returns its body.</summary>
    public static async Task<JsonNode> GetWhenPresentAsync(this HttpClient gateway, string path, Func<JsonNode, bool>? until = null)
    {
        return await Eventually.Until(
            async () =>
            {
                using var response = await gateway.GetAsync(path);
                return response.IsSuccessStatusCode ? await response.ReadJsonAsync() : null;
            },
            body => body is not null && (until is null || until(body)),
            $"GET {path}") ?? throw new InvalidOperationException("unreachable");
    }
}
