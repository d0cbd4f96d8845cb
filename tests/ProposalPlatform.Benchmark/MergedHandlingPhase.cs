using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProposalPlatform.Benchmark;

/// <param name="Confirm">The office confirming the cluster of nine similar items in one decision.</param>
/// <param name="Form">The office forming the group of the nine under the first.</param>
/// <param name="Issue">The lead unit's one issue that answers all nine, each to its own submitters.</param>
/// <param name="Reconciled">Every round: all 36 pairs confirmed, nine items in the group, all nine replies issued.</param>
public sealed record MergedHandlingResult(string Unit, Timings Confirm, Timings Form, Timings Issue, bool Reconciled);

/// <summary>
/// Merged handling (并案) as the office and the lead unit do it, <see cref="Rounds"/> times: nine
/// near-identical suggestions, each from its own deputy, found similar; the office confirms the cluster
/// in one decision and forms one group; the lead unit (machine clients the office creates: a handler
/// and a head) records each deputy's contact, drafts and signs off on the lead item, and one issue
/// answers all nine. Each round a text of its own (and a word of its own), so nothing else is similar.
/// </summary>
public sealed class MergedHandlingPhase(HttpClient office, string gateway)
{
    public const int Items = 9;
    public const int Rounds = 3;

    /// <summary>
    /// A session year of this phase alone: the session phase takes its year from 1954 to 2025, and a
    /// year after the current one is the last intake takes; the nine of each round stay out of the
    /// session's statistics, export and worklists.
    /// </summary>
    public const int SessionYear = 2027;

    /// <summary>Led by one unit (the free-trade zones department) under the platform's own routing rules, with no co-handler.</summary>
    public const string Topic = "综合保税区";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    // numbers of this run's own in the phase's year: a number is registered once per session
    private readonly int _firstNumber = (int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 2_000_000) * 1_000;

    public async Task<MergedHandlingResult> RunAsync()
    {
        var confirm = new List<double>();
        var form = new List<double>();
        var issue = new List<double>();
        var reconciled = true;
        var units = new Dictionary<string, (HttpClient Handler, HttpClient Head)>();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var ids = await RegisterClusterAsync(_firstNumber + (round * 10));
                await UntilAsync($"/api/intake/proposals/{ids[0]}/similar", similar => similar.AsArray().Count == Items - 1);
                var replies = await Task.WhenAll(ids.Select(id => UntilAsync($"/api/replies/{id}", r => r["unitCode"] is not null)));
                var unit = replies[0]["unitCode"]!.GetValue<string>();
                if (!units.TryGetValue(unit, out var staff))
                {
                    staff = units[unit] = (await ClientAsync(unit, "UnitHandler"), await ClientAsync(unit, "UnitHead"));
                }

                var clock = Stopwatch.StartNew();
                var pairs = await PostAsync(office, "/api/intake/similar/confirm", new { proposalIds = ids, note = "内容相同，并案办理（基准测试）" });
                confirm.Add(clock.Elapsed.TotalMilliseconds);

                clock.Restart();
                var group = await PostAsync(office, "/api/replies/groups", new { leadProposalId = ids[0], proposalIds = ids, note = "九件并案（基准测试）" });
                form.Add(clock.Elapsed.TotalMilliseconds);

                // each deputy contacted on their own, the lead item drafted and signed off, off the clock
                await Task.WhenAll(ids.Select(async id =>
                {
                    await UntilAsync($"/api/contacts/tasks/{id}", _ => true);
                    await PostAsync(staff.Handler, $"/api/contacts/tasks/{id}/contacts", new
                    {
                        channel = "Phone", occurredAt = DateTimeOffset.UtcNow.ToString("O"), outcome = "ReachedAndAgreed",
                        handler = "李四", notes = "电话沟通，代表同意办理意见",
                    });
                }));
                var draft = await PutAsync(staff.Handler, $"/api/replies/{ids[0]}/draft", new { text = "关于您提出的建议，经研究，答复如下：……" });
                var version = draft["version"]!.GetValue<int>();
                await PostAsync(staff.Handler, $"/api/replies/{ids[0]}/sign-offs", new { draftVersion = version, step = "Handler", decision = "Approve" });
                await PostAsync(staff.Head, $"/api/replies/{ids[0]}/sign-offs", new { draftVersion = version, step = "UnitHead", decision = "Approve", publication = "FullText" });
                await Task.WhenAll(ids.Select(id => UntilAsync($"/api/replies/{id}", r => r["contactCompleted"]!.GetValue<bool>())));

                clock.Restart();
                await PostAsync(staff.Handler, $"/api/replies/{ids[0]}/issue", new
                {
                    resultClass = "A", leaderName = "王芳", leaderPhone = "010-65194114", handlerName = "李明", handlerPhone = "13800138000",
                });
                issue.Add(clock.Elapsed.TotalMilliseconds);

                var issued = await Task.WhenAll(ids.Select(id => office.GetFromJsonAsync<JsonObject>($"/api/replies/{id}")));
                reconciled &= pairs.AsArray().Count == Items * (Items - 1) / 2
                    && pairs.AsArray().All(p => p!["status"]!.GetValue<string>() == "Confirmed")
                    && group["items"]!.AsArray().Count == Items
                    && issued.All(r => r!["issued"]!.GetValue<bool>());
            }

            return new MergedHandlingResult(string.Join(", ", units.Keys), Timings.Of(confirm), Timings.Of(form), Timings.Of(issue), reconciled);
        }
        finally
        {
            foreach (var (handler, head) in units.Values)
            {
                handler.Dispose();
                head.Dispose();
            }
        }
    }

    /// <summary>
    /// Nine suggestions of one text (a fresh one of the session generator's, with the round's own word
    /// in it), each a sentence apart, each from its own deputy; their ids, the first the lead.
    /// </summary>
    private async Task<Guid[]> RegisterClusterAsync(int firstNumber)
    {
        // a generator of the round's own: its first text is never a rewording of another round's
        var template = new SessionGenerator(seed: Random.Shared.Next()).Item("Suggestion", SessionYear, firstNumber, Topic);
        template.Remove("coSigners");
        var word = Guid.NewGuid().ToString("N")[..8];
        var (title, text) = (template["title"]!.GetValue<string>(), template["text"]!.GetValue<string>());
        var name = template["leadSubmitter"]!["name"]!.GetValue<string>();
        var ids = new Guid[Items];
        for (var i = 0; i < Items; i++)
        {
            var item = template.DeepClone().AsObject();
            item["number"] = firstNumber + i;
            item["title"] = $"{title}（{word}）";
            item["text"] = $"{text}（{word}）第{i + 1}位代表附议。";
            item["leadSubmitter"]!["name"] = $"{"王李张刘陈杨赵黄周"[i]}{name[1..]}";
            ids[i] = (await PostAsync(office, "/api/intake/proposals", item))["id"]!.GetValue<Guid>();
        }

        return ids;
    }

    private async Task<HttpClient> ClientAsync(string unit, string role)
    {
        var token = await OfficeToken.NewClientAsync(office, gateway, $"{unit} {role} benchmark", unit, role);
        var client = new HttpClient { BaseAddress = new Uri(gateway), Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Polls a GET as the office until it answers 200 with what <paramref name="until"/> waits for.</summary>
    private async Task<JsonNode> UntilAsync(string path, Func<JsonNode, bool> until)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using (var response = await office.GetAsync(path))
            {
                if (response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync()) is { } body && until(body))
                {
                    return body;
                }
            }

            if (clock.Elapsed > Deadline)
            {
                throw new TimeoutException($"GET {path} did not answer what merged handling waits for within {Deadline.TotalSeconds:F0} s.");
            }

            await Task.Delay(PollInterval);
        }
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string path, object body) =>
        await AnswerAsync($"POST {path}", await client.PostAsJsonAsync(path, body));

    private static async Task<JsonNode> PutAsync(HttpClient client, string path, object body) =>
        await AnswerAsync($"PUT {path}", await client.PutAsJsonAsync(path, body));

    private static async Task<JsonNode> AnswerAsync(string call, HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && JsonNode.Parse(text) is { } body
                ? body
                : throw new InvalidOperationException($"{call} answered {(int)response.StatusCode}: {text}");
        }
    }
}
