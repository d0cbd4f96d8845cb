using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Outbox;
using ProposalPlatform.Infrastructure.Retention;

namespace ProposalPlatform.Benchmark;

public sealed record RetentionResult(int OutboxRows, int InboxIds, TimeSpan PurgeTook, SteadyResult Alone, SteadyResult Beside);

/// <summary>
/// The purge of old outbox rows and inbox ids, run beside single items at the steady rate: what a week
/// of a busy service leaves (rows sent eight days ago, ids applied 31 days ago, past the default ages)
/// is put into intake's database, then intake's own purge (<see cref="MessageRetention"/>, its batch
/// size and pauses) removes it while items keep coming. The items' latencies beside it are compared
/// with a steady phase just before.
/// </summary>
public sealed class RetentionPhase(BenchmarkOptions options)
{
    private string DataDirectory => Path.GetDirectoryName(options.ClientFile)!;

    /// <summary>A local platform's superuser connection to intake's database; null when the platform's servers are not local.</summary>
    private string? IntakeDatabase =>
        File.Exists(Path.Combine(DataDirectory, "postgres.password"))
            ? new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = options.PostgresPort,
                Username = "postgres",
                Password = File.ReadAllText(Path.Combine(DataDirectory, "postgres.password")).Trim(),
                Database = "intakedb",
            }.ConnectionString
            : null;

    public bool CanRun => IntakeDatabase is not null;

    public async Task<RetentionResult> RunAsync(BenchmarkRun run, int rows, int seconds)
    {
        await using var dataSource = NpgsqlDataSource.Create(IntakeDatabase!);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO outbox_messages (message_id, message_type, payload, created_at, sent_at)
                SELECT gen_random_uuid(), 'Benchmark.PastItsAge', '{}'::jsonb, now() - interval '8 days', now() - interval '8 days'
                FROM generate_series(1, @rows);
                INSERT INTO processed_messages (consumer, message_id, processed_at)
                SELECT 'BenchmarkPastItsAge', gen_random_uuid(), now() - interval '31 days'
                FROM generate_series(1, @rows);
                """, connection);
            command.Parameters.AddWithValue("rows", rows);
            await command.ExecuteNonQueryAsync();
        }

        var alone = await run.SteadyBesideAsync(seconds, _ => Task.CompletedTask);
        var retention = new MessageRetention(
            new PlatformDatabase(dataSource, new OutboxSignal()), Options.Create(new RetentionOptions()), TimeProvider.System, NullLogger<MessageRetention>.Instance);
        var took = TimeSpan.Zero;
        var beside = await run.SteadyBesideAsync(seconds, async cancellationToken =>
        {
            var started = DateTime.UtcNow;
            await retention.PurgeAsync(cancellationToken);
            took = DateTime.UtcNow - started;
        });

        await using var check = await dataSource.OpenConnectionAsync();
        await using var left = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM outbox_messages WHERE message_type = 'Benchmark.PastItsAge') + (SELECT count(*) FROM processed_messages WHERE consumer = 'BenchmarkPastItsAge')", check);
        var remaining = Convert.ToInt64(await left.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        if (remaining > 0)
        {
            throw new InvalidOperationException($"The purge left {remaining} of the rows past their age.");
        }

        return new RetentionResult(rows, rows, took, alone, beside);
    }
}
