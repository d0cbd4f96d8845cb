using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Npgsql;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.FaultSuite.Faults;

/// <summary>The suggestions of one session its clients were answered for, by number.</summary>
public sealed record Acknowledged(int SessionYear, IReadOnlyCollection<int> Numbers);

/// <summary>
/// What a reconciliation found. Per acknowledged item: lost (not stored in intake), twice (a second
/// "Assigned" in assignment's history, or a second "Registered" or "Assigned" step of its story), stuck
/// (stored, but not yet assigned in intake and known to assignment, contact scheduling, reply and
/// reporting). Beside them <see cref="LeftOver"/>: outbox rows not sent, messages that reached an
/// <c>_error</c> or <c>_skipped</c> queue during the run, messages still waiting in a queue, batches
/// left <c>Processing</c>.
/// </summary>
public sealed record Reconciliation(int Items, int Lost, int Twice, int Stuck, IReadOnlyList<string> LeftOver)
{
    public bool Ok => Lost == 0 && Twice == 0 && Stuck == 0 && LeftOver.Count == 0;
}

/// <summary>
/// Reconciles the platform's databases and queues with what its clients were told: straight from
/// PostgreSQL as its superuser (<paramref name="postgres"/>, without a database) and RabbitMQ's
/// management API (<paramref name="brokerManagement"/>, with its credentials), so that thousands of
/// items cost a few queries.
/// </summary>
public sealed class Reconciler(string postgres, HttpClient brokerManagement)
{
    private const short Suggestion = 1;
    private const short Registered = 1;

    /// <summary>A client of the broker's management API at <paramref name="address"/> as <paramref name="user"/>.</summary>
    public static HttpClient Management(Uri address, string user = "guest", string password = "guest")
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    /// <summary>The superuser's connection to the local PostgreSQL of <c>./platform.sh run</c> on <paramref name="port"/>, with the password the data directory keeps.</summary>
    public static async Task<string> LocalSuperuserAsync(int port, string passwordFile) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = (await File.ReadAllTextAsync(passwordFile)).Trim(),
        }.ConnectionString;

    /// <summary>Whether intake holds a suggestion of <paramref name="sessionYear"/> numbered from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public async Task<bool> AnyStoredAsync(int sessionYear, int first, int last, CancellationToken cancellationToken) =>
        (await ReadAsync(ResourceNames.IntakeDatabase,
            "SELECT EXISTS (SELECT 1 FROM proposals WHERE kind = @kind AND session_year = @year AND number BETWEEN @first AND @last)",
            r => r.GetBoolean(0), cancellationToken, ("kind", Suggestion), ("year", sessionYear), ("first", first), ("last", last)))[0];

    /// <summary>The messages in each <c>_error</c> and <c>_skipped</c> queue now: what was there before a run is not the run's.</summary>
    public async Task<IReadOnlyDictionary<string, long>> DeadLettersAsync(CancellationToken cancellationToken) =>
        (await QueuesAsync(cancellationToken)).Where(q => IsDeadLetter(q.Name)).ToDictionary(q => q.Name, q => q.Messages ?? 0);

    /// <summary>
    /// Checks again every 2 s until all is reconciled or <paramref name="until"/> (on <paramref name="clock"/>) has
    /// passed; answers the last finding and when it was first reconciled. A reconciliation is confirmed by a second
    /// one once the broker's statistics have been read anew (every 5 s), which a queue's count may lag.
    /// </summary>
    public async Task<(Reconciliation Last, TimeSpan? ReconciledAt)> UntilReconciledAsync(
        Acknowledged acknowledged, IReadOnlyDictionary<string, long> deadLettersBefore, Stopwatch clock, TimeSpan until, CancellationToken cancellationToken)
    {
        TimeSpan? firstOk = null;
        while (true)
        {
            var found = await CheckAsync(acknowledged, deadLettersBefore, cancellationToken);
            if (found.Ok)
            {
                firstOk ??= clock.Elapsed;
                if (clock.Elapsed - firstOk >= TimeSpan.FromSeconds(6))
                {
                    return (found, firstOk);
                }
            }
            else
            {
                firstOk = null;
                if (clock.Elapsed >= until)
                {
                    return (found, null);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    public async Task<Reconciliation> CheckAsync(Acknowledged acknowledged, IReadOnlyDictionary<string, long> deadLettersBefore, CancellationToken cancellationToken)
    {
        var leftOver = new List<string>();
        try
        {
            var numbers = acknowledged.Numbers.ToArray();
            var stored = await ReadAsync(ResourceNames.IntakeDatabase,
                "SELECT number, id, stage FROM proposals WHERE kind = @kind AND session_year = @year AND number = ANY(@numbers)",
                r => (Number: r.GetInt32(0), Id: r.GetGuid(1), Stage: r.GetInt16(2)),
                cancellationToken, ("kind", Suggestion), ("year", acknowledged.SessionYear), ("numbers", numbers));
            var ids = stored.Select(s => s.Id).ToArray();

            var assigned = (await ReadAsync(ResourceNames.AssignmentDatabase,
                """
                SELECT a.proposal_id, (SELECT count(*) FROM assignment_history h WHERE h.proposal_id = a.proposal_id AND h.action = 'Assigned')
                FROM assignments a WHERE a.proposal_id = ANY(@ids)
                """,
                r => (Id: r.GetGuid(0), Times: r.GetInt64(1)), cancellationToken, ("ids", ids))).ToDictionary(a => a.Id, a => a.Times);
            var contactTasks = await IdsAsync(ResourceNames.ContactSchedulingDatabase, "SELECT proposal_id FROM contact_tasks WHERE proposal_id = ANY(@ids)", ids, cancellationToken);
            var replyCases = await IdsAsync(ResourceNames.ReplyDatabase, "SELECT proposal_id FROM reply_cases WHERE proposal_id = ANY(@ids) AND unit_code IS NOT NULL", ids, cancellationToken);
            var reported = await IdsAsync(ResourceNames.ReportingDatabase, "SELECT proposal_id FROM items WHERE proposal_id = ANY(@ids) AND lead_unit IS NOT NULL", ids, cancellationToken);
            var steps = (await ReadAsync(ResourceNames.ReportingDatabase,
                "SELECT proposal_id, step, count(*) FROM story_steps WHERE proposal_id = ANY(@ids) AND step IN ('Registered', 'Assigned') GROUP BY proposal_id, step",
                r => (Id: r.GetGuid(0), Step: r.GetString(1), Times: r.GetInt64(2)), cancellationToken, ("ids", ids))).ToLookup(s => s.Id);

            var lost = numbers.Length - stored.Count;
            var twice = stored.Count(s => assigned.GetValueOrDefault(s.Id) > 1 || steps[s.Id].Any(step => step.Times > 1));
            var stuck = stored.Count(s => s.Stage == Registered || !assigned.ContainsKey(s.Id) || !contactTasks.Contains(s.Id)
                || !replyCases.Contains(s.Id) || !reported.Contains(s.Id) || steps[s.Id].Count() < 2);

            foreach (var database in await ReadAsync("postgres",
                "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate AND datname <> 'postgres' ORDER BY datname", r => r.GetString(0), cancellationToken))
            {
                var unsent = (await ReadAsync(database,
                    "SELECT CASE WHEN to_regclass('outbox_messages') IS NULL THEN 0 ELSE (SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL) END",
                    r => r.GetInt64(0), cancellationToken))[0];
                if (unsent > 0)
                {
                    leftOver.Add($"{database}: {unsent} unsent outbox rows");
                }
            }

            foreach (var batch in await ReadAsync(ResourceNames.IntakeDatabase,
                "SELECT reference FROM intake_batches WHERE status = 1 ORDER BY received_at", r => r.GetString(0), cancellationToken))
            {
                leftOver.Add($"batch {batch} Processing");
            }

            foreach (var queue in await QueuesAsync(cancellationToken))
            {
                var messages = queue.Messages ?? 0;
                if (IsDeadLetter(queue.Name) && messages > deadLettersBefore.GetValueOrDefault(queue.Name))
                {
                    leftOver.Add($"{queue.Name}: {messages - deadLettersBefore.GetValueOrDefault(queue.Name)} new");
                }
                else if (!IsDeadLetter(queue.Name) && messages > 0)
                {
                    leftOver.Add($"{queue.Name}: {messages} waiting");
                }
            }

            return new Reconciliation(numbers.Length, lost, twice, stuck, leftOver);
        }
        catch (Exception ex) when (ex is NpgsqlException or HttpRequestException or TimeoutException or TaskCanceledException)
        {
            // a server not answering yet is not reconciled yet
            return new Reconciliation(acknowledged.Numbers.Count, 0, 0, 0, [.. leftOver, $"could not reconcile: {ex.Message}"]);
        }
    }

    private static bool IsDeadLetter(string queue) =>
        queue.EndsWith("_error", StringComparison.Ordinal) || queue.EndsWith("_skipped", StringComparison.Ordinal);

    private async Task<List<QueueInfo>> QueuesAsync(CancellationToken cancellationToken) =>
        await brokerManagement.GetFromJsonAsync<List<QueueInfo>>("api/queues?columns=name,messages", cancellationToken) ?? [];

    private async Task<HashSet<Guid>> IdsAsync(string database, string sql, Guid[] ids, CancellationToken cancellationToken) =>
        [.. await ReadAsync(database, sql, r => r.GetGuid(0), cancellationToken, ("ids", ids))];

    private async Task<List<T>> ReadAsync<T>(
        string database, string sql, Func<NpgsqlDataReader, T> row, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = database, Timeout = 5, CommandTimeout = 30 }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    private sealed record QueueInfo(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("messages")] long? Messages);
}
