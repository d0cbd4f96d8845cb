using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DbUp;
using Npgsql;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Outbox;
using ProposalPlatform.Reply.Data;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// A reply is issued as a numbered letter (文号) from the body's gapless sequence of the year: downloaded
/// through the gateway by those who may read the item, as PDF whose text carries the number, the
/// addressee, every co-signer and the copy line, its SHA-256 in Repr-Digest and in the reply's view; the
/// public version without a phone; a second round's letter with a number of its own, the first kept.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class Issuing_reply_letters(PlatformFixture platform)
{
    private const string LeaderPhone = "010-65194114";
    private const string HandlerPhone = "13800138000";
    private const string PhoneInTheText = "0755-84398123";

    private readonly HttpClient _handler = platform.Handler;

    [Fact]
    public async Task A_reply_is_a_numbered_letter_to_every_submitter_copied_to_the_assigning_office()
    {
        // Arrange: a joint suggestion with two co-signers and a plain one, each contacted and signed off
        var number = Items.NextNumber();
        var joint = Items.Suggestion(number);
        joint["coSigners"] = new JsonArray(
            new JsonObject { ["name"] = $"李四{number}", ["province"] = "广东省", ["city"] = "广州市" },
            new JsonObject { ["name"] = $"王五{number}", ["province"] = "广东省", ["city"] = "珠海市" });
        var first = await IssuableAsync(joint);
        var second = await IssuableAsync(Items.Suggestion(Items.NextNumber()));

        // Act: both issued one after the other (the platform's tests run one at a time: nothing else issues between them)
        await IssueAsync(first);
        await IssueAsync(second);

        // Assert: the letter as the reply's view names it, downloaded through the gateway, byte for byte what the view's SHA-256 says
        var view = (await _handler.GetFromJsonAsync<JsonObject>($"/api/replies/{first}"))!["replies"]![0]!;
        var letterNumber = view["letterNumber"]!.GetValue<string>();
        var (letter, letterText) = await DownloadAsync(_handler, $"/api/replies/{first}/letter", view["letterSha256"]!.GetValue<string>());
        Assert.All(
            [
                letterNumber, $"张三{number}代表：", $"送达：张三{number}代表，李四{number}代表，王五{number}代表", "抄送：全国人大常委会办公厅",
                $"对十三届全国人大三次会议第{number}号建议的答复", "办理结果：A类", $"负责人：王芳，电话：{LeaderPhone}", $"承办人：李明，电话：{HandlerPhone}",
            ],
            expected => Assert.Contains(expected, letterText, StringComparison.Ordinal));

        // the public version: the published text, no phone at all
        var (_, publicText) = await DownloadAsync(_handler, $"/api/replies/{first}/letter/public", view["publicLetterSha256"]!.GetValue<string>());
        Assert.Contains(letterNumber, publicText, StringComparison.Ordinal);
        Assert.Contains("（此件公开发布）", publicText, StringComparison.Ordinal);
        Assert.All([LeaderPhone, HandlerPhone, PhoneInTheText], phone => Assert.DoesNotContain(phone, publicText, StringComparison.Ordinal));

        // numbered in this Beijing year, the second letter the next number
        var year = BeijingCalendar.DayOf(DateTimeOffset.UtcNow).Year;
        var secondNumber = (await _handler.GetFromJsonAsync<JsonObject>($"/api/replies/{second}"))!["replies"]![0]!["letterNumber"]!.GetValue<string>();
        Assert.Equal((year, SequenceOf(letterNumber, year) + 1), (year, SequenceOf(secondNumber, year)));

        // the office reads it too; the story tells the number
        using (var office = await platform.Gateway.GetAsync($"/api/replies/{first}/letter"))
        {
            Assert.Equal(letter, await office.Content.ReadAsByteArrayAsync());
        }

        await platform.Gateway.GetWhenPresentAsync($"/api/reporting/items/{first}/story", s => s["timeline"]!.AsArray()
            .Any(line => line!["detail"]!.GetValue<string>().StartsWith($"Formal reply {letterNumber} issued", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Another_unit_finds_no_letter_a_caller_without_a_token_is_refused_and_a_bad_round_is_named()
    {
        // Arrange
        var id = await IssuableAsync(Items.Suggestion(Items.NextNumber()));
        await IssueAsync(id);
        var letterNumber = (await _handler.GetFromJsonAsync<JsonObject>($"/api/replies/{id}"))!["replies"]![0]!["letterNumber"]!.GetValue<string>();
        using var stranger = await platform.ClientAsync("HQ-TARIFF", PlatformRoles.UnitHandler);
        using var anonymous = platform.Anonymous();

        foreach (var path in new[] { $"/api/replies/{id}/letter", $"/api/replies/{id}/letter/public" })
        {
            // Act
            using var hidden = await stranger.GetAsync(path);
            using var unknown = await _handler.GetAsync(path.Replace(id.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal));
            using var noToken = await anonymous.GetAsync(path);
            using var badRound = await _handler.GetAsync($"{path}?round=0");

            // Assert: another unit's answer is that of an item that does not exist, with nothing of the letter in it
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.NotEqual("application/pdf", hidden.Content.Headers.ContentType?.MediaType);
            Assert.False(hidden.Headers.Contains("Repr-Digest"));
            var body = await hidden.Content.ReadAsStringAsync();
            Assert.DoesNotContain(letterNumber, body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal((await unknown.ReadJsonAsync())["title"]!.GetValue<string>(), System.Text.Json.Nodes.JsonNode.Parse(body)!["title"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, badRound.StatusCode);
            Assert.True((await badRound.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("round"));
        }
    }

    [Fact]
    public async Task Re_handling_issues_a_new_letter_with_a_new_number_and_the_first_is_kept()
    {
        // Arrange: a reply issued, then answered dissatisfied: a second round
        var id = await IssuableAsync(Items.Suggestion(Items.NextNumber()));
        await IssueAsync(id);
        var firstView = (await _handler.GetFromJsonAsync<JsonObject>($"/api/replies/{id}"))!["replies"]![0]!;
        await PostOkAsync(_handler, $"/api/replies/{id}/feedback", new { onResult = "Dissatisfied", onAttitude = "Satisfied", comments = "希望加快进度" });
        await _handler.GetWhenPresentAsync($"/api/replies/{id}", r => r["round"]!.GetValue<int>() == 2);
        // contact scheduling hears of the second round on its own: a contact recorded before counts for the first
        await _handler.GetWhenPresentAsync($"/api/contacts/tasks/{id}", t => t["round"]!.GetValue<int>() == 2);
        await PostOkAsync(_handler, $"/api/contacts/tasks/{id}/contacts", Items.Contact(DateTimeOffset.UtcNow));
        await _handler.GetWhenPresentAsync($"/api/replies/{id}", r => r["contactCompleted"]!.GetValue<bool>());
        await platform.DraftAndSignOffAsync(id, "关于您提出的建议，再次答复如下：已经解决。");

        // Act
        await IssueAsync(id);

        // Assert: two letters, two numbers; the latest is the default, the first still there as it was
        var replies = (await _handler.GetFromJsonAsync<JsonObject>($"/api/replies/{id}"))!["replies"]!.AsArray();
        Assert.Equal([1, 2], replies.Select(r => r!["round"]!.GetValue<int>()));
        var (firstNumber, secondNumber) = (replies[0]!["letterNumber"]!.GetValue<string>(), replies[1]!["letterNumber"]!.GetValue<string>());
        Assert.NotEqual(firstNumber, secondNumber);
        Assert.Equal(firstView["letterSha256"]!.GetValue<string>(), replies[0]!["letterSha256"]!.GetValue<string>());
        var (_, latest) = await DownloadAsync(_handler, $"/api/replies/{id}/letter", replies[1]!["letterSha256"]!.GetValue<string>());
        var (_, kept) = await DownloadAsync(_handler, $"/api/replies/{id}/letter?round=1", replies[0]!["letterSha256"]!.GetValue<string>());
        Assert.Contains(secondNumber, latest, StringComparison.Ordinal);
        Assert.Contains("再次答复如下", latest, StringComparison.Ordinal);
        Assert.Contains(firstNumber, kept, StringComparison.Ordinal);
        using var none = await _handler.GetAsync($"/api/replies/{id}/letter?round=3");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task The_years_sequence_has_no_gap_a_rolled_back_issue_gives_its_number_back_and_one_waits_for_another()
    {
        // Arrange: the reply service's schema in a database of its own
        await using var dataSource = NpgsqlDataSource.Create(await ReplyDatabaseAsync());
        const int year = 2031;

        // Act and Assert: a number taken in a transaction that rolls back is taken again
        await using (var rolledBack = await WorkAsync(dataSource))
        {
            Assert.Equal(1, await LetterRepository.NextNumberAsync(rolledBack, year, CancellationToken.None));
            await rolledBack.Transaction.RollbackAsync();
        }

        await using (var committed = await WorkAsync(dataSource))
        {
            Assert.Equal(1, await LetterRepository.NextNumberAsync(committed, year, CancellationToken.None));
            await committed.CommitAsync(CancellationToken.None);
        }

        // one transaction holds the year's next number; another waits for it, then takes the one after
        await using var holding = await WorkAsync(dataSource);
        Assert.Equal(2, await LetterRepository.NextNumberAsync(holding, year, CancellationToken.None));
        await using var waiting = await WorkAsync(dataSource);
        var next = LetterRepository.NextNumberAsync(waiting, year, CancellationToken.None);
        await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(500)));
        Assert.False(next.IsCompleted, "the second transaction took a number while the first held the year's sequence");
        await holding.CommitAsync(CancellationToken.None);
        Assert.Equal(3, await next);
        await waiting.CommitAsync(CancellationToken.None);

        // another year has a sequence of its own
        await using var nextYear = await WorkAsync(dataSource);
        Assert.Equal(1, await LetterRepository.NextNumberAsync(nextYear, year + 1, CancellationToken.None));
    }

    /// <summary>An assigned item with a completed contact and a signed-off draft (a phone in its text), ready to be issued.</summary>
    private Task<Guid> IssuableAsync(JsonObject item) =>
        platform.IssuableAsync(item, $"关于您提出的建议，答复如下：支持设立综合保税区。\n具体事宜请联系综合业务处，电话 {PhoneInTheText}。");

    private Task IssueAsync(Guid id) => PostOkAsync(_handler, $"/api/replies/{id}/issue", Items.Issue("A"));

    /// <summary>The PDF at <paramref name="path"/>, checked against the SHA-256 the view gave and the one in its Repr-Digest, and its text.</summary>
    private static async Task<(byte[] Pdf, string Text)> DownloadAsync(HttpClient client, string path, string viewSha256)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var sha256 = SHA256.HashData(pdf);
        Assert.Equal(Convert.ToHexStringLower(sha256), viewSha256);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(sha256)}:", Assert.Single(response.Headers.GetValues("Repr-Digest")));
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return (pdf, string.Concat(document.GetPages().Select(p => p.Text)));
    }

    /// <summary>The letter's place in the year's sequence, read from the default format 署办函〔year〕n号.</summary>
    private static int SequenceOf(string letterNumber, int year)
    {
        var match = DefaultNumber().Match(letterNumber);
        Assert.True(match.Success, letterNumber);
        Assert.Equal(year, int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture));
        return int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
    }

    private static async Task PostOkAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<UnitOfWork> WorkAsync(NpgsqlDataSource dataSource)
    {
        var connection = await dataSource.OpenConnectionAsync();
        return new UnitOfWork(connection, await connection.BeginTransactionAsync(), new OutboxSignal());
    }

    /// <summary>A new database on the platform's server with the shared scripts and the reply service's.</summary>
    private async Task<string> ReplyDatabaseAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(await platform.ConnectionStringAsync(ResourceNames.DatabaseServer))
        {
            Database = $"letters_{Guid.NewGuid():N}",
        }.ConnectionString;
        EnsureDatabase.For.PostgresqlDatabase(database);
        var upgrade = DeployChanges.To.PostgresqlDatabase(database)
            .WithScriptsEmbeddedInAssemblies([typeof(DatabaseMigrator).Assembly, typeof(LetterRepository).Assembly])
            .WithVariable("RuntimeRole", "CURRENT_USER")
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        Assert.True(upgrade.Successful, upgrade.Error?.Message);
        return database;
    }

    [GeneratedRegex(@"^署办函〔(?<year>\d{4})〕(?<number>\d+)号$")]
    private static partial Regex DefaultNumber();
}
