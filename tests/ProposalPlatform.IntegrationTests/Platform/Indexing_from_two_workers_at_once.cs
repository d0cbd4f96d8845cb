using System.Security.Cryptography;
using Dapper;
using DbUp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Outbox;
using ProposalPlatform.Infrastructure.PersonalData;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Data.Migrations;
using ProposalPlatform.Intake.Workers;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// Two indexing workers (two copies of intake) on one intake database, each taking one half of a pair of
/// similar items and searching for its similar items at the same moment: the later search waits for the
/// earlier one's index, and the pair is found. On a database of its own on the platform's server, so that
/// the platform's own worker takes none of its items.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Indexing_from_two_workers_at_once(PlatformFixture platform)
{
    private const int SessionYear = 2004;

    [Fact]
    public async Task Two_workers_each_indexing_one_half_of_a_similar_pair_together_find_the_pair()
    {
        // Arrange: two items of the same content, not indexed yet, and two workers taking one item a chunk
        var database = await IntakeDatabaseAsync();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO proposals (id, kind, session_year, number, title, text, submitter_name, province, city, topic, stage, registered_at)
                VALUES (@first, 1, @SessionYear, 1, '关于优化跨境电商零售进口监管的建议', '建议进一步优化跨境电商零售进口商品的通关监管流程，推广提前申报和汇总征税。', '张三', '广东省', '深圳市', '综合保税区', 1, now()),
                       (@second, 1, @SessionYear, 2, '关于优化跨境电商零售进口监管的建议', '建议进一步优化跨境电商零售进口商品的通关监管流程，推广提前申报与汇总征税。', '李四', '广东省', '广州市', '综合保税区', 1, now() + interval '1 second')
                """,
                new { first, second, SessionYear });
        }

        DateTimeOffsetHandler.Register();
        await using var dataSource = NpgsqlDataSource.Create(database);
        var (one, two) = (Worker(dataSource), Worker(dataSource));

        // Act: the year's lock held a moment by someone else, so that both workers are in the middle of
        // their chunk at once, each with its own item's index saved and not yet committed
        await using var holder = new NpgsqlConnection(database);
        await holder.OpenAsync();
        await using var holding = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync("SELECT pg_advisory_xact_lock(@space, @SessionYear)", new { space = SimilarityRepository.SimilarityLockSpace, SessionYear }, holding);
        var indexingOne = one.IndexChunkAsync(CancellationToken.None);
        await WaitersAsync(holder, 1);
        var indexingTwo = two.IndexChunkAsync(CancellationToken.None);
        await WaitersAsync(holder, 2);
        await holding.CommitAsync();
        var indexed = await Task.WhenAll(indexingOne, indexingTwo);

        // Assert: each worker indexed its own item, and the pair was found
        Assert.Equal([1, 1], indexed);
        await using var check = new NpgsqlConnection(database);
        var pairs = (await check.QueryAsync<(Guid A, Guid B)>("SELECT proposal_a, proposal_b FROM similar_pairs WHERE session_year = @SessionYear", new { SessionYear })).ToList();
        var pair = Assert.Single(pairs);
        Assert.Equal(new[] { first, second }.Order(), new[] { pair.A, pair.B }.Order());
    }

    private static IndexingWorker Worker(NpgsqlDataSource dataSource) => new(
        new PlatformDatabase(dataSource, new OutboxSignal()),
        new IndexingSignal(TimeProvider.System),
        Options.Create(new SimilarityOptions { ChunkSize = 1 }),
        TimeProvider.System,
        NullLogger<IndexingWorker>.Instance);

    /// <summary>Until <paramref name="count"/> workers wait for the session year's lock.</summary>
    private static Task<int> WaitersAsync(NpgsqlConnection connection, int count) =>
        Eventually.Until(
            () => connection.ExecuteScalarAsync<int>(
                "SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = @space::oid AND objid = @SessionYear::oid AND objsubid = 2",
                new { space = SimilarityRepository.SimilarityLockSpace, SessionYear }),
            waiting => waiting == count,
            $"{count} indexing workers waiting for the lock of session year {SessionYear}");

    /// <summary>A new intake database on the platform's server, migrated as intake does at start.</summary>
    private async Task<string> IntakeDatabaseAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(await platform.ConnectionStringAsync(ResourceNames.DatabaseServer))
        {
            Database = $"indexing_{Guid.NewGuid():N}",
        }.ConnectionString;
        EnsureDatabase.For.PostgresqlDatabase(database);
        var cipher = new PersonalDataCipher(new PersonalDataOptions
        {
            CurrentKey = "k1",
            Keys = new() { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(PersonalDataCipher.KeySize)) },
        });
        await DatabaseMigrator.MigrateAsync(
            new MigrationConnection(database, "CURRENT_USER"), [typeof(DatabaseMigrator).Assembly, typeof(ContactSeal).Assembly], NullLogger.Instance,
            CancellationToken.None, [new SealContactDetails(new ContactSeal(cipher), NullLogger<SealContactDetails>.Instance)]);
        return database;
    }
}
