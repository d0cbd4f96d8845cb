using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using ProposalPlatform.Contracts;
using ProposalPlatform.FaultSuite.Faults;
using static ProposalPlatform.IntegrationTests.Platform.PlatformResources;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// A batch interrupted by a crash is finished by intake itself, from the sealed copy it kept of the
/// upload, after its last committed chunk: the client is told so (the gateway's 503 says what was kept
/// and where to follow the batch), posts nothing again, and every valid row is stored, registered and
/// assigned once. Session years 2001 and 2002 are these tests' alone. They run beside the fault suite's
/// test, on its platform and alone: the 10,000 items they leave, and the outages they cause, are not for
/// the shared platform's tests to meet.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class Resuming_an_interrupted_batch(PlatformFixture platform)
{
    private const int Rows = 5_001;
    private const int BadLine = 2_500;

    [Fact]
    public async Task A_batch_whose_intake_was_killed_mid_way_is_finished_by_intake_with_every_valid_row_once()
    {
        // Arrange: 5,001 suggestions of session 2001, the 2,500th without a title
        var (reference, body, contentHash) = Batch(2001);
        using var gateway = platform.ClientWithSecret(platform.OfficeClientCredentials.ClientId, platform.OfficeClientCredentials.Secret);
        gateway.Timeout = TimeSpan.FromMinutes(3);
        await platform.App.EveryServiceHealthyAsync();
        var intake = ServiceProcess(await platform.App.HealthyAsync(ResourceNames.Intake));
        using var management = Reconciler.Management(platform.App.GetEndpoint(ResourceNames.Broker, "management"));
        var reconciler = new Reconciler(await platform.ConnectionStringAsync(ResourceNames.DatabaseServer), management);
        var deadLetters = await reconciler.DeadLettersAsync(CancellationToken.None);

        // Act: intake killed outright (SIGKILL) once it has stored the batch's first chunk
        var upload = PostAsync(gateway, body);
        var underWay = await Eventually.Until(
            () => FindAsync(gateway, reference, contentHash),
            batch => upload.IsCompleted || batch?["rowsProcessed"]!.GetValue<int>() > 0,
            "intake to store the batch's first chunk",
            TimeSpan.FromMinutes(2));
        if (upload.IsCompleted)
        {
            Assert.Fail($"the batch was answered before intake could be killed: {await AnswerAsync(upload)}");
        }

        ProcessTree.Kill(intake);
        using var answer = await upload;

        // Assert: the gateway tells the truth — rows were kept, intake finishes the batch, follow it there
        var id = underWay!["id"]!.GetValue<Guid>();
        var problem = (await answer.ReadJsonAsync()).AsObject();
        Assert.True(answer.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)answer.StatusCode}: {problem}");
        Assert.Equal(TimeSpan.FromSeconds(5), answer.Headers.RetryAfter?.Delta);
        Assert.True(problem["finishedByIntake"]!.GetValue<bool>(), problem.ToJsonString());
        Assert.Equal(id, problem["batchId"]!.GetValue<Guid>());
        Assert.Equal($"/api/intake/batches/{id}", problem["batchUrl"]!.GetValue<string>());
        Assert.True(problem["processedThroughLine"]!.GetValue<int>() >= 500, problem.ToJsonString());
        Assert.DoesNotContain("nothing was changed", problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);

        // intake, started again by the AppHost, finishes the batch with no upload
        var done = (await Eventually.Until(
            () => gateway.GetFromJsonAsync<JsonObject>($"/api/intake/batches/{id}"),
            batch => batch!["status"]!.GetValue<string>() != "Processing",
            "intake to finish the interrupted batch",
            TimeSpan.FromMinutes(3)))!;
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal((Rows, Rows, Rows - 1, 0, 1),
            (done["keptThroughLine"]!.GetValue<int>(), done["rowsProcessed"]!.GetValue<int>(), done["accepted"]!.GetValue<int>(),
             done["alreadyKnown"]!.GetValue<int>(), done["rejected"]!.GetValue<int>()));
        Assert.Equal((BadLine, $"items[{BadLine - 1}].title"), (done["errors"]![0]!["line"]!.GetValue<int>(), done["errors"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal(2, done["attempts"]!.GetValue<int>());
        Assert.Equal("The intake service stopped while taking it in.", done["interruptionReason"]!.GetValue<string>());
        var interruptedAt = done["interruptedAt"]!.GetValue<DateTimeOffset>();
        var resumedAt = done["resumedAt"]!.GetValue<DateTimeOffset>();
        Assert.True(interruptedAt <= resumedAt && resumedAt <= done["completedAt"]!.GetValue<DateTimeOffset>(), done.ToJsonString());
        Assert.True(done["finishedByIntake"]!.GetValue<bool>());
        Assert.Null(done["failureReason"]);

        // every valid row stored, registered and assigned exactly once, and known to every service
        var numbers = Enumerable.Range(1, Rows).Where(n => n != BadLine).ToList();
        using var reconciling = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var (found, reconciledAt) = await reconciler.UntilReconciledAsync(new Acknowledged(2001, numbers), deadLetters, Stopwatch.StartNew(), TimeSpan.FromMinutes(2), reconciling.Token);
        Assert.Equal((0, 0, 0), (found.Lost, found.Twice, found.Stuck));
        Assert.DoesNotContain(found.LeftOver, what => what.Contains("Processing", StringComparison.Ordinal));
        Assert.True(reconciledAt is not null, string.Join("; ", found.LeftOver));

        // and the copy of the upload, with the submitters' phones and addresses, is gone with the batch's end
        Assert.Equal(0, await SavedPartsAsync(id));
    }

    [Fact]
    public async Task A_batch_whose_database_was_killed_mid_way_is_finished_by_intake_once_the_database_is_back()
    {
        // Arrange: 5,001 suggestions of session 2002, the 2,500th without a title
        var (reference, body, contentHash) = Batch(2002);
        using var gateway = platform.ClientWithSecret(platform.OfficeClientCredentials.ClientId, platform.OfficeClientCredentials.Secret);
        gateway.Timeout = TimeSpan.FromMinutes(3);
        await platform.App.EveryServiceHealthyAsync();
        var server = await platform.App.HealthyAsync(ResourceNames.DatabaseServer);
        using var management = Reconciler.Management(platform.App.GetEndpoint(ResourceNames.Broker, "management"));
        var reconciler = new Reconciler(await platform.ConnectionStringAsync(ResourceNames.DatabaseServer), management);
        var deadLetters = await reconciler.DeadLettersAsync(CancellationToken.None);

        // Act: PostgreSQL killed outright (SIGKILL of the postmaster and every backend) once the first chunk is stored
        var upload = PostAsync(gateway, body);
        var underWay = await Eventually.Until(
            () => FindAsync(gateway, reference, contentHash),
            batch => upload.IsCompleted || batch?["rowsProcessed"]!.GetValue<int>() > 0,
            "intake to store the batch's first chunk",
            TimeSpan.FromMinutes(2));
        if (upload.IsCompleted)
        {
            Assert.Fail($"the batch was answered before the database could be killed: {await AnswerAsync(upload)}");
        }

        PlatformProcesses.Signal("KILL", new PlatformProcesses(Pid(server)).Database());
        using var answer = await upload;
        try
        {
            await TheBatchIsFinishedByIntakeAsync(gateway, answer, underWay!, reconciler, deadLetters);
        }
        finally
        {
            // the rest of the collection finds the platform as it was: every service healthy, and new tokens issued again
            await platform.App.EveryServiceHealthyAsync();
            await Eventually.Until(SignsInAsync, signedIn => signedIn, "a new client to get a token and be answered", TimeSpan.FromMinutes(2));
        }
    }

    private async Task<bool> SignsInAsync()
    {
        using var client = platform.ClientWithSecret(platform.OfficeClientCredentials.ClientId, platform.OfficeClientCredentials.Secret);
        try
        {
            using var response = await client.GetAsync("/api/intake/proposals?pageSize=1");
            return response.IsSuccessStatusCode;
        }
        catch (InvalidOperationException)
        {
            return false; // the token endpoint refused for now (identity's database connections being made anew)
        }
    }

    /// <summary>What the database test asserts: intake's answer, and the batch finished by intake once the server is back.</summary>
    private async Task TheBatchIsFinishedByIntakeAsync(HttpClient gateway, HttpResponseMessage answer, JsonObject underWay, Reconciler reconciler, IReadOnlyDictionary<string, long> deadLetters)
    {
        // Assert: intake's own 503 says what was kept and that it finishes the batch itself
        var id = underWay!["id"]!.GetValue<Guid>();
        var problem = (await answer.ReadJsonAsync()).AsObject();
        Assert.True(answer.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)answer.StatusCode}: {problem}");
        Assert.Equal(TimeSpan.FromSeconds(5), answer.Headers.RetryAfter?.Delta);
        Assert.Equal("The batch was interrupted; intake finishes it by itself.", problem["title"]!.GetValue<string>());
        Assert.True(problem["finishedByIntake"]!.GetValue<bool>(), problem.ToJsonString());
        Assert.Equal((id, $"/api/intake/batches/{id}"), (problem["batchId"]!.GetValue<Guid>(), problem["batchUrl"]!.GetValue<string>()));
        Assert.Contains($"follow it at /api/intake/batches/{id}; there is no need to post it again.", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // the server is started again by the AppHost, and intake finishes the batch with no upload
        var done = (await Eventually.Until(
            () => FindAsync(gateway, $"/api/intake/batches/{id}"),
            batch => batch is not null && batch["status"]!.GetValue<string>() != "Processing",
            "intake to finish the interrupted batch",
            TimeSpan.FromMinutes(3)))!;
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal((Rows, Rows - 1, 0, 1),
            (done["rowsProcessed"]!.GetValue<int>(), done["accepted"]!.GetValue<int>(), done["alreadyKnown"]!.GetValue<int>(), done["rejected"]!.GetValue<int>()));
        Assert.True(done["attempts"]!.GetValue<int>() >= 2, done.ToJsonString());
        Assert.NotNull(done["resumedAt"]);
        // intake's own reason when it could record it within 10 s of the cut, else the one the attempt after it takes for a crash
        Assert.Contains(done["interruptionReason"]!.GetValue<string>(),
            new[] { "The database could not be reached or did not answer in time.", "The intake service stopped while taking it in." });

        var numbers = Enumerable.Range(1, Rows).Where(n => n != BadLine).ToList();
        using var reconciling = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var (found, _) = await reconciler.UntilReconciledAsync(new Acknowledged(2002, numbers), deadLetters, Stopwatch.StartNew(), TimeSpan.FromMinutes(2), reconciling.Token);
        Assert.Equal((0, 0, 0), (found.Lost, found.Twice, found.Stuck));
        Assert.DoesNotContain(found.LeftOver, what => what.Contains("Processing", StringComparison.Ordinal));
        Assert.Equal(0, await SavedPartsAsync(id));
    }

    private static (string Reference, byte[] Body, string ContentHash) Batch(int year)
    {
        var reference = $"NPC-{year}-RESUME-{Items.NextNumber()}";
        // texts unlike each other: thousands of near copies would keep similarity indexing busy with their pairs
        var random = new Random(year);
        var body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["batchReference"] = reference,
            ["assignedAt"] = $"{year}-04-10",
            ["items"] = new JsonArray([.. Enumerable.Range(1, Rows).Select(i => (JsonNode)IntakeItems.Item(
                year, i, i == BadLine ? "" : $"关于{IntakeItems.RandomText(random, 12)}的建议", IntakeItems.RandomText(random, 150)))]),
        });
        return (reference, body, Convert.ToHexStringLower(SHA256.HashData(body)));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient gateway, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return await gateway.PostAsync("/api/intake/batches", content);
    }

    private static async Task<string> AnswerAsync(Task<HttpResponseMessage> upload)
    {
        using var response = await upload;
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    private static Task<JsonObject?> FindAsync(HttpClient gateway, string reference, string contentHash) =>
        FindAsync(gateway, $"/api/intake/batches?reference={reference}&contentHash={contentHash}");

    /// <summary>The batch, or null while it cannot be read (intake or its database not back yet).</summary>
    private static async Task<JsonObject?> FindAsync(HttpClient gateway, string path)
    {
        using var response = await gateway.GetAsync(path);
        return response.IsSuccessStatusCode ? (await response.ReadJsonAsync()).AsObject() : null;
    }

    private async Task<long> SavedPartsAsync(Guid batchId)
    {
        await using var database = new NpgsqlConnection(await platform.ConnectionStringAsync(ResourceNames.IntakeDatabase));
        await database.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM intake_batch_uploads WHERE batch_id = @batchId", database);
        count.Parameters.AddWithValue("batchId", batchId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
