using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The submitters' phones and addresses, and the phones of who answers for a reply, are sealed by the
/// services before they are stored: after registering items one by one and in batches, correcting one
/// and replying to it, no file of the platform's data (PostgreSQL's tables, WAL and statistics, the
/// broker's) holds one of them, while a caller who may see the item still reads them through the gateway.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Keeping_personal_data_sealed(PlatformFixture platform)
{
    // phones and an address no other test uses, so that finding one means this test stored it in the clear
    private const string LeadPhone = "15900120001";
    private const string CorrectedLeadPhone = "15900120002";
    private const string CoSignerPhone = "15900120003";
    private const string BatchPhone = "15900120004";
    private const string CsvCoSignerPhone = "15900120005";
    private const string LeaderPhone = "15900120006";
    private const string HandlerPhone = "15900120007";
    private const string Address = "北京市海淀区密文路88号";

    private readonly HttpClient _office = platform.Gateway;

    [Fact]
    public async Task No_data_file_holds_a_phone_or_an_address_and_who_may_see_the_item_still_reads_them()
    {
        // Arrange: a joint item with the lead submitter's phone and address and a co-signer's phone, an
        // item of a JSON batch and one of a CSV batch with theirs; its title stored in the clear, to show
        // that the scan below does find what is there
        var number = Items.NextNumber();
        var inTheClear = $"明文对照{number}";
        var single = Items.Suggestion(number);
        single["title"] = $"关于{inTheClear}的建议";
        single["leadSubmitter"]!["phone"] = LeadPhone;
        single["leadSubmitter"]!["address"] = Address;
        single["coSigners"] = new JsonArray(new JsonObject { ["name"] = "李四", ["province"] = "广东省", ["city"] = "广州市", ["phone"] = CoSignerPhone });
        var id = (await _office.RegisterAsync(single))["id"]!.GetValue<Guid>();

        var (batchNumber, csvNumber) = (Items.NextNumber(), Items.NextNumber());
        var batchItem = IntakeItems.Item(2020, batchNumber, "关于密文测试批次的建议", "建议。");
        batchItem["leadSubmitter"]!["phone"] = BatchPhone;
        batchItem["leadSubmitter"]!["address"] = Address;
        await PostAsync(_office, "/api/intake/batches", new JsonObject { ["batchReference"] = $"NPC-2020-{number}", ["items"] = new JsonArray(batchItem) });
        var csv = "kind,sessionYear,number,title,text,topic,submitterName,submitterProvince,submitterCity,submitterPhone,submitterAddress,coSigners\r\n"
            + IntakeItems.CsvRow("Suggestion", 2020, csvNumber, "关于密文测试表格的建议", "建议。", "综合保税区", $"赵六{number}", "广东省", "深圳市",
                BatchPhone, Address, $"李四|广东省|广州市|广东代表团||{CsvCoSignerPhone}|{Address}") + "\r\n";
        using (var csvBatch = await _office.PostAsync($"/api/intake/batches?batchReference=NPC-2020-{number}-csv", new StringContent(csv, Encoding.UTF8, "text/csv")))
        {
            Assert.Equal(1, (await csvBatch.ReadJsonAsync())["accepted"]!.GetValue<int>());
        }

        // the office corrects the lead's phone (the version before keeps the old one); the unit contacts
        // the submitter and issues the reply with its leader's and handler's phones
        await PostAsync(_office, $"/api/intake/proposals/{id}/corrections", new { reason = "代表更换了手机号码", leadSubmitter = Lead(single, CorrectedLeadPhone) });
        await platform.Handler.GetWhenPresentAsync($"/api/contacts/tasks/{id}");
        await PostAsync(platform.Handler, $"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow));
        await platform.Handler.GetWhenPresentAsync($"/api/replies/{id}", r => r["contactCompleted"]!.GetValue<bool>());
        await platform.DraftAndSignOffAsync(id);
        var issue = Items.Issue("A");
        issue["leaderPhone"] = LeaderPhone;
        issue["handlerPhone"] = HandlerPhone;
        await PostAsync(platform.Handler, $"/api/replies/{id}/issue", issue);

        // Act: PostgreSQL writes every changed page out to its files, then every file is read
        await using (var server = new NpgsqlConnection(await platform.ConnectionStringAsync(ResourceNames.DatabaseServer)))
        {
            await server.OpenAsync();
            await using var checkpoint = new NpgsqlCommand("CHECKPOINT", server);
            await checkpoint.ExecuteNonQueryAsync();
        }

        string[] secrets = [LeadPhone, CorrectedLeadPhone, CoSignerPhone, BatchPhone, CsvCoSignerPhone, LeaderPhone, HandlerPhone, Address];
        var found = DataFiles.Find(platform.DataDirectory, [inTheClear, .. secrets]);

        // Assert: the title is found in the database's files, no phone nor the address anywhere
        Assert.Contains(found, f => f.Text == inTheClear && f.File.Contains($"{Path.DirectorySeparatorChar}postgres{Path.DirectorySeparatorChar}base{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.Equal([], found.Where(f => f.Text != inTheClear).Select(f => $"{f.Text} in {f.File}"));

        // the office and the unit handling the item read the contact details and the reply's phones
        var item = await _office.GetFromJsonAsync<JsonObject>($"/api/intake/proposals/{id}");
        Assert.Equal((CorrectedLeadPhone, Address), (item!["leadSubmitter"]!["phone"]!.GetValue<string>(), item["leadSubmitter"]!["address"]!.GetValue<string>()));
        Assert.Equal(CoSignerPhone, item["coSigners"]![0]!["phone"]!.GetValue<string>());
        var handled = await platform.Handler.GetWhenPresentAsync($"/api/intake/proposals/{id}");
        Assert.Equal(CorrectedLeadPhone, handled["leadSubmitter"]!["phone"]!.GetValue<string>());
        var reply = await platform.Handler.GetFromJsonAsync<JsonObject>($"/api/replies/{id}");
        var issued = reply!["replies"]![0]!;
        Assert.Equal((LeaderPhone, HandlerPhone), (issued["leaderPhone"]!.GetValue<string>(), issued["handlerPhone"]!.GetValue<string>()));
        var batchPage = await _office.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?sessionYear=2020&number={csvNumber}");
        var csvItem = await _office.GetFromJsonAsync<JsonObject>($"/api/intake/proposals/{batchPage!["items"]![0]!["id"]}");
        Assert.Equal(CsvCoSignerPhone, csvItem!["coSigners"]![0]!["phone"]!.GetValue<string>());

        // the history keeps no contact details in its answer; another unit sees neither the item nor its reply
        var versions = await _office.GetStringAsync($"/api/intake/proposals/{id}/versions");
        Assert.DoesNotContain(LeadPhone, versions, StringComparison.Ordinal);
        using var stranger = await platform.ClientAsync("HQ-TARIFF", PlatformRoles.UnitHandler);
        foreach (var path in new[] { $"/api/intake/proposals/{id}", $"/api/replies/{id}" })
        {
            using var refused = await stranger.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain(CorrectedLeadPhone, body, StringComparison.Ordinal);
            Assert.DoesNotContain(HandlerPhone, body, StringComparison.Ordinal);
        }
    }

    private static JsonObject Lead(JsonObject item, string phone)
    {
        var lead = item["leadSubmitter"]!.DeepClone().AsObject();
        lead["phone"] = phone;
        return lead;
    }

    private static async Task PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Looks for texts in the bytes of every file under a folder.</summary>
    private static class DataFiles
    {
        public static List<(string Text, string File)> Find(string directory, IReadOnlyList<string> texts)
        {
            // as UTF-8 (text, jsonb and bytea columns, WAL records, the broker's messages) and as JSON
            // escapes it as System.Text.Json writes non-ASCII text (\u5317…) in a json or text column
            var needles = texts
                .SelectMany(t => new[] { t, JsonSerializer.Serialize(t)[1..^1] }.Distinct().Select(form => (Text: t, Bytes: Encoding.UTF8.GetBytes(form))))
                .ToList();
            var overlap = needles.Max(n => n.Bytes.Length) - 1;
            var found = new List<(string Text, string File)>();
            var buffer = new byte[1 << 20];
            var files = Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).ToList();
            Assert.Contains(files, f => f.Contains($"{Path.DirectorySeparatorChar}pg_wal{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
            foreach (var file in files)
            {
                FileStream stream;
                try
                {
                    stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                }
                catch (FileNotFoundException)
                {
                    continue; // a WAL segment recycled or a temporary file removed since the listing
                }

                using (stream)
                {
                    var kept = 0;
                    int read;
                    var inFile = new HashSet<string>();
                    while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0)
                    {
                        var window = buffer.AsSpan(0, kept + read);
                        foreach (var (text, bytes) in needles)
                        {
                            if (window.IndexOf(bytes) >= 0 && inFile.Add(text))
                            {
                                found.Add((text, file));
                            }
                        }

                        // the end of this window starts the next, so a text across two reads is found too
                        kept = Math.Min(overlap, window.Length);
                        window[^kept..].CopyTo(buffer);
                    }
                }
            }

            return found;
        }
    }
}
