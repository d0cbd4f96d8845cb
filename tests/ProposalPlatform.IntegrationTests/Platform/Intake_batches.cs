using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Intake_batches(PlatformFixture platform)
{
    private const string Header = "kind,sessionYear,sessionTerm,sessionMeeting,number,title,text,topic,tags,handlingMode,isKeyItem,submitterName,submitterDelegation,submitterProvince,submitterCity,submitterPhone,coSigners";

    private readonly HttpClient _gateway = platform.Gateway;

    [Fact]
    public async Task A_csv_batch_of_thousands_takes_the_good_rows_reports_the_bad_ones_and_changes_nothing_when_sent_again()
    {
        // Arrange: 3,000 rows of session 2019, three of them bad
        const int rows = 3000;
        var random = new Random(2019);
        var csv = new StringBuilder(Header).Append("\r\n");
        for (var i = 1; i <= rows; i++)
        {
            var kind = i == 100 ? "Petition" : "Suggestion";
            var title = i == 200 ? "" : "关于" + IntakeItems.RandomText(random, 12) + "的建议";
            var year = i == 300 ? "20x9" : "2019";
            csv.Append(IntakeItems.CsvRow(kind, year, 13, 2, i, title, IntakeItems.RandomText(random, 150), "综合保税区", "保税;开放",
                i % 2 == 0 ? "CoHandling" : "Lead", i % 10 == 0 ? "是" : "否", "代表" + i, "广东代表团", "广东省", "深圳市", "13800000000",
                "李四|广东省|广州市;王五|广东省|珠海市")).Append("\r\n");
        }

        var body = csv.ToString();

        // Act
        using var first = await PostCsv(body);
        using var second = await PostCsv(body);

        // Assert: the good rows in, each bad one named by line and column
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var report = (await first.ReadJsonAsync()).AsObject();
        Assert.Equal("Completed", report["status"]!.GetValue<string>());
        Assert.Equal(rows - 3, report["accepted"]!.GetValue<int>());
        Assert.Equal(3, report["rejected"]!.GetValue<int>());
        var errors = report["errors"]!.AsArray().Select(e => (e!["line"]!.GetValue<int>(), e["field"]!.GetValue<string>())).ToList();
        Assert.Equal([(101, "kind"), (201, "title"), (301, "sessionYear")], errors);

        // the same content again changes nothing and says so
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var again = (await second.ReadJsonAsync()).AsObject();
        Assert.True(again["repeated"]!.GetValue<bool>());
        Assert.Equal(0, again["accepted"]!.GetValue<int>());
        Assert.Equal(rows - 3, again["alreadyKnown"]!.GetValue<int>());
        Assert.Equal(report["id"]!.GetValue<Guid>(), again["id"]!.GetValue<Guid>());

        // progress can be followed by the batch's id
        var progress = await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/batches/{report["id"]}");
        Assert.Equal(rows, progress!["rowsProcessed"]!.GetValue<int>());

        var stored = await _gateway.GetFromJsonAsync<JsonObject>("/api/intake/proposals?sessionYear=2019&pageSize=1");
        Assert.Equal(rows - 3, stored!["total"]!.GetValue<long>());
        var keyItems = await _gateway.GetFromJsonAsync<JsonObject>("/api/intake/proposals?sessionYear=2019&keyItem=true&handlingMode=CoHandling&pageSize=200");
        Assert.Equal(297, keyItems!["total"]!.GetValue<long>()); // every 10th row is key and even; rows 100, 200, 300 are bad
        Assert.DoesNotContain("13800000000", keyItems.ToJsonString(), StringComparison.Ordinal);

        // and every good one is assigned
        await Eventually.Until(
            () => _gateway.GetFromJsonAsync<JsonObject>("/api/intake/proposals?sessionYear=2019&status=Assigned&pageSize=1"),
            page => page!["total"]!.GetValue<long>() == rows - 3,
            "every item of the batch assigned",
            TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task A_batch_the_database_refuses_half_way_is_marked_failed_says_what_it_kept_and_goes_on_when_posted_again()
    {
        // Arrange: 1,200 items of session 2014; the database refuses the 700th, which passes every check of
        // the service (a constraint of the database's own, as a stricter schema or a DBA's rule would be)
        const int rows = 1200;
        var reference = $"NPC-2014-{Items.NextNumber()}";
        var batch = new JsonObject
        {
            ["batchReference"] = reference,
            ["assignedAt"] = "2014-04-10",
            ["items"] = new JsonArray([.. Enumerable.Range(1, rows).Select(i => (JsonNode)IntakeItems.Item(2014, i, $"关于口岸建设的建议（{i}）", "建议加强口岸基础设施建设。"))]),
        };
        await using var database = new NpgsqlConnection(await platform.ConnectionStringAsync(ResourceNames.IntakeDatabase));
        await database.OpenAsync();
        await Execute(database, "ALTER TABLE proposals ADD CONSTRAINT ck_test_refuses_2014_700 CHECK (NOT (session_year = 2014 AND number = 700)) NOT VALID");

        // Act
        JsonObject stopped;
        try
        {
            using var failing = await _gateway.PostAsJsonAsync("/api/intake/batches", batch);
            Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
            stopped = (await failing.ReadJsonAsync()).AsObject();
        }
        finally
        {
            await Execute(database, "ALTER TABLE proposals DROP CONSTRAINT ck_test_refuses_2014_700");
        }

        var failed = await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/batches/{stopped["batchId"]}");
        var storedAfterFailure = await StoredAsync(reference);
        using var again = await _gateway.PostAsJsonAsync("/api/intake/batches", batch);

        // Assert: the first 500 rows (one chunk) kept, the batch failed with why, and the answer says so
        Assert.Equal("The batch stopped part-way.", stopped["title"]!.GetValue<string>());
        Assert.StartsWith("The rows through line 500 were kept (500 rows: 500 items accepted", stopped["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Failed", failed!["status"]!.GetValue<string>());
        Assert.Equal((500, 500, 500), (failed["keptThroughLine"]!.GetValue<int>(), failed["rowsProcessed"]!.GetValue<int>(), failed["accepted"]!.GetValue<int>()));
        Assert.Equal("The database refused the rows (SQLSTATE 23514, constraint ck_test_refuses_2014_700).", failed["failureReason"]!.GetValue<string>());
        Assert.Equal(500, storedAfterFailure);

        // posted again, it goes on after line 500 and takes every item in once
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var report = (await again.ReadJsonAsync()).AsObject();
        Assert.Equal(stopped["batchId"]!.GetValue<Guid>(), report["id"]!.GetValue<Guid>());
        Assert.Equal("Completed", report["status"]!.GetValue<string>());
        Assert.Equal((rows, rows, 0, rows), (report["rowsProcessed"]!.GetValue<int>(), report["accepted"]!.GetValue<int>(), report["alreadyKnown"]!.GetValue<int>(), report["keptThroughLine"]!.GetValue<int>()));
        Assert.Null(report["failureReason"]);
        Assert.Equal(rows, await StoredAsync(reference));
        await Eventually.Until(
            () => _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?batchReference={reference}&status=Assigned&pageSize=1"),
            page => page!["total"]!.GetValue<long>() == rows,
            "every item of the batch assigned",
            TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task A_batch_left_in_processing_with_no_copy_of_its_upload_is_marked_failed_and_goes_on_when_posted_again()
    {
        // Arrange: the row an upload that crashed before intake kept its copy leaves behind, processing with no upload holding it
        var number = Items.NextNumber();
        var reference = $"NPC-2014-{number}";
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["batchReference"] = reference,
            ["items"] = new JsonArray(IntakeItems.Item(2014, number, "关于优化通关流程的建议", "建议优化通关流程。")),
        }.ToJsonString());
        var id = Guid.NewGuid();
        await using (var database = new NpgsqlConnection(await platform.ConnectionStringAsync(ResourceNames.IntakeDatabase)))
        {
            await database.OpenAsync();
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO intake_batches (id, reference, content_hash, format, status, received_at, updated_at)
                VALUES (@id, @reference, @hash, 'json', 1, now(), now())
                """, database);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("reference", reference);
            insert.Parameters.AddWithValue("hash", Convert.ToHexStringLower(SHA256.HashData(body)));
            await insert.ExecuteNonQueryAsync();
        }

        // Act: the service's resumer finds it (every second in the tests), then the office posts it again
        var failed = await Eventually.Until(
            () => _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/batches/{id}"),
            batch => batch!["status"]!.GetValue<string>() == "Failed",
            "the abandoned batch marked failed");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var again = await _gateway.PostAsync("/api/intake/batches", content);

        // Assert
        Assert.Equal("The intake service stopped before it had kept a copy of the batch, so it cannot finish it by itself.", failed!["failureReason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var report = await again.ReadJsonAsync();
        Assert.Equal((id, "Completed", 1), (report["id"]!.GetValue<Guid>(), report["status"]!.GetValue<string>(), report["accepted"]!.GetValue<int>()));
    }

    private async Task<long> StoredAsync(string reference) =>
        (await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?batchReference={reference}&pageSize=1"))!["total"]!.GetValue<long>();

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Different_batches_uploaded_at_the_same_time_are_all_taken_in()
    {
        // Arrange: the assigning office sends several batches at once
        var first = Items.NextNumber();
        var batches = Enumerable.Range(0, 4).Select(i => new JsonObject
        {
            ["batchReference"] = $"NPC-2017-{first}-{i}",
            ["assignedAt"] = "2017-04-10",
            ["items"] = new JsonArray(IntakeItems.Item(2017, first * 10 + i, $"关于加强口岸建设的建议（{i}）", "建议加强口岸基础设施建设。")),
        }).ToList();

        // Act
        var responses = await Task.WhenAll(batches.Select(batch => _gateway.PostAsJsonAsync("/api/intake/batches", batch)));

        // Assert
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        foreach (var response in responses)
        {
            Assert.Equal(1, (await response.ReadJsonAsync())["accepted"]!.GetValue<int>());
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_json_batch_names_each_bad_item_by_its_json_path()
    {
        // Arrange
        var number = Items.NextNumber();
        var good = IntakeItems.Item(2016, number, "关于优化跨境电商监管的建议", "建议优化跨境电商零售进口监管模式。");
        var bad = IntakeItems.Item(2016, number + 1, " ", "正文");
        var batch = new JsonObject
        {
            ["batchReference"] = $"NPC-2016-{number}",
            ["assignedAt"] = "2016-04-15",
            ["items"] = new JsonArray(good, bad),
        };

        // Act
        using var response = await _gateway.PostAsJsonAsync("/api/intake/batches", batch);

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal(1, report["accepted"]!.GetValue<int>());
        var error = Assert.Single(report["errors"]!.AsArray());
        Assert.Equal(2, error!["line"]!.GetValue<int>());
        Assert.Equal("items[1].title", error["field"]!.GetValue<string>());
        var page = await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals?sessionYear=2016&number={number}");
        var id = page!["items"]![0]!["id"]!.GetValue<Guid>();
        var item = await _gateway.GetFromJsonAsync<JsonObject>($"/api/intake/proposals/{id}");
        Assert.Equal($"NPC-2016-{number}", item!["batchReference"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2016, 4, 15, 0, 0, 0, TimeSpan.FromHours(8)), item["assignedByOfficeAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_csv_without_its_required_columns_is_refused_naming_them()
    {
        using var content = new StringContent("kind,number\nSuggestion,1\n", Encoding.UTF8, "text/csv");

        using var response = await _gateway.PostAsync("/api/intake/batches?batchReference=X-1", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Contains("header.title", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task A_batch_is_found_by_its_reference_and_content_and_a_person_may_follow_it_twice_a_second()
    {
        // Arrange: a batch of one row, uploaded by an office person (whose uploads are held to one a second)
        var number = Items.NextNumber();
        var reference = $"NPC-2018-{number}";
        var body = Header + "\r\n" + IntakeItems.CsvRow("Suggestion", 2018, 13, 1, number, $"关于{number}口岸建设的建议", "建议加快口岸建设。", "口岸", "", "Lead", "否",
            "代表" + number, "广东代表团", "广东省", "深圳市", "13800000000", "") + "\r\n";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        using var person = await platform.PersonAsync("HQ-OFFICE", Contracts.Identity.PlatformRoles.ProposalOffice);
        using var upload = await person.PostAsync($"/api/intake/batches?batchReference={reference}&assignedAt=2018-04-10", new StringContent(body, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.ReadJsonAsync())["id"]!.GetValue<Guid>();

        // Act: the person follows it as the portal does, every half second, by its reference and content
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var found = await person.GetAsync($"/api/intake/batches?reference={reference}&contentHash={hash}");
            answers.Add(found.StatusCode);
            if (found.IsSuccessStatusCode)
            {
                Assert.Equal(id, (await found.ReadJsonAsync())["id"]!.GetValue<Guid>());
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        using var missing = await person.GetAsync($"/api/intake/batches?reference={reference}");
        using var badHash = await person.GetAsync($"/api/intake/batches?reference={reference}&contentHash=abc");
        using var otherContent = await person.GetAsync($"/api/intake/batches?reference={reference}&contentHash={new string('0', 64)}");

        // Assert: following a batch is not an upload, so it is never held to the uploads' budget
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("contentHash", (await missing.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, badHash.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherContent.StatusCode);
    }

    private Task<HttpResponseMessage> PostCsv(string body)
    {
        var content = new StringContent(body, Encoding.UTF8, "text/csv");
        return _gateway.PostAsync("/api/intake/batches?batchReference=NPC-2019-001&assignedAt=2019-04-10", content);
    }
}
