using System.Reflection;
using System.Security.Cryptography;
using Dapper;
using DbUp;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Outbox;
using ProposalPlatform.Infrastructure.PersonalData;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Data.Migrations;
using ProposalPlatform.Reply.Data;
using ProposalPlatform.Reply.Data.Migrations;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// A database of the schema before personal data was sealed, with phones and addresses in the clear,
/// migrated as a service does at start (DbUp with the service's code migrations): every one is sealed,
/// none stays in the clear, and the service reads them back.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Sealing_personal_data_stored_before(PlatformFixture platform)
{
    private static readonly Assembly Infrastructure = typeof(DatabaseMigrator).Assembly;
    private readonly PersonalDataCipher _cipher = new(new PersonalDataOptions
    {
        CurrentKey = "k1",
        Keys = new() { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(PersonalDataCipher.KeySize)) },
    });

    [Fact]
    public async Task An_intake_database_has_its_submitters_contact_details_sealed_and_its_plaintext_columns_dropped()
    {
        // Arrange: intake's schema up to 0016, an item with the lead's phone and address and a co-signer's
        // phone, an earlier version of it with the lead's old phone, and an item without contact details
        var intake = typeof(ContactSeal).Assembly;
        var database = await OldDatabaseAsync(intake, "ProposalPlatform.Intake.Data.Migrations.0017");
        var (joint, plain) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO proposals (id, kind, session_year, number, title, text, submitter_name, province, city, topic, stage, registered_at,
                                       submitter_phone, submitter_address, co_signers)
                VALUES (@joint, 1, 2019, 1, '关于口岸建设的建议', '正文', '张三', '广东省', '深圳市', '综合保税区', 1, now(), '15900120011', '深圳市福田区福中三路',
                        '[{"kind":"Deputy","name":"李四","delegation":null,"sector":null,"province":"广东省","city":"广州市","phone":"15900120012","address":null}]'),
                       (@plain, 1, 2019, 2, '关于通关便利的建议', '正文', '王五', '广东省', '珠海市', '综合保税区', 1, now(), NULL, NULL, '[]');
                INSERT INTO proposal_versions (proposal_id, version, data, valid_from, replaced_at, replaced_because, changed_fields)
                VALUES (@joint, 1, '{"title":"旧标题","leadSubmitter":{"kind":"Deputy","name":"张三","province":"广东省","city":"深圳市","phone":"15900120010","address":null},
                                     "coSigners":[{"kind":"Deputy","name":"李四","province":"广东省","city":"广州市","phone":null,"address":null}]}',
                        now(), now(), '更正', '{leadSubmitter}');
                """,
                new { joint, plain });
        }

        var seal = new ContactSeal(_cipher);

        // Act: the service's migrations, as at its start
        await DatabaseMigrator.MigrateAsync(new MigrationConnection(database, "CURRENT_USER"), [Infrastructure, intake], NullLogger.Instance, CancellationToken.None,
            [new SealContactDetails(seal, NullLogger<SealContactDetails>.Instance)]);

        // Assert: the plaintext columns are gone, no phone is left in the JSON, the item reads back whole
        await using var check = new NpgsqlConnection(database);
        Assert.Equal(0, await check.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'proposals' AND column_name IN ('submitter_phone', 'submitter_address')"));
        Assert.Equal(0, await check.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM proposals WHERE co_signers::text LIKE '%1590012%'"));
        Assert.Equal(0, await check.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM proposal_versions WHERE data::text LIKE '%1590012%'"));
        Assert.Null(await check.ExecuteScalarAsync<byte[]?>("SELECT contact_details FROM proposals WHERE id = @plain", new { plain }));

        DateTimeOffsetHandler.Register();
        await using var dataSource = NpgsqlDataSource.Create(database);
        var proposals = new ProposalRepository(new PlatformDatabase(dataSource, new OutboxSignal()), seal);
        var record = (await proposals.FindAsync(joint, CancellationToken.None))!;
        var item = proposals.WithContactDetails(record);
        Assert.Equal(("15900120011", "深圳市福田区福中三路"), (item.LeadSubmitter.Phone, item.LeadSubmitter.Address));
        Assert.Equal("15900120012", Assert.Single(item.CoSigners).Phone);
        Assert.Equal("李四", item.CoSigners[0].Name);
        var earlier = await check.ExecuteScalarAsync<byte[]>("SELECT contact_details FROM proposal_versions WHERE proposal_id = @joint", new { joint });
        Assert.Equal("15900120010", seal.Open(joint, record.ToProposal(), earlier).LeadSubmitter.Phone);
    }

    [Fact]
    public async Task A_reply_database_has_the_phones_of_its_issued_replies_sealed()
    {
        // Arrange: reply's schema up to 0006 and a reply issued with both phones in the clear
        var reply = typeof(SignatoryPhones).Assembly;
        var database = await OldDatabaseAsync(reply, "ProposalPlatform.Reply.Data.Migrations.0007");
        var replyId = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO issued_replies (reply_id, proposal_id, round, draft_version, result_class, reply_text, leader_name, leader_phone,
                                            handler_name, handler_phone, publication, issued_at)
                VALUES (@replyId, @proposalId, 1, 1, 1, '答复', '王芳', '010-65194114', '李明', '15900120013', 3, now())
                """,
                new { replyId, proposalId = Guid.NewGuid() });
        }

        var phones = new SignatoryPhones(_cipher);

        // Act
        await DatabaseMigrator.MigrateAsync(new MigrationConnection(database, "CURRENT_USER"), [Infrastructure, reply], NullLogger.Instance, CancellationToken.None,
            [new SealSignatoryPhones(phones, NullLogger<SealSignatoryPhones>.Instance)]);

        // Assert: the columns hold the sealed phones, which open to what was there
        await using var check = new NpgsqlConnection(database);
        var (leader, handler) = await check.QuerySingleAsync<(byte[] Leader, byte[] Handler)>(
            "SELECT leader_phone, handler_phone FROM issued_replies WHERE reply_id = @replyId", new { replyId });
        Assert.Equal(("010-65194114", "15900120013"), (phones.OpenLeader(replyId, leader), phones.OpenHandler(replyId, handler)));
        Assert.Equal(0, await check.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'issued_replies' AND column_name LIKE '%_sealed'"));
    }

    /// <summary>A new database on the platform's server with the shared scripts and the service's scripts before <paramref name="firstNewScript"/>.</summary>
    private async Task<string> OldDatabaseAsync(Assembly service, string firstNewScript)
    {
        var server = new NpgsqlConnectionStringBuilder(await platform.ConnectionStringAsync(ResourceNames.DatabaseServer))
        {
            Database = $"sealing_{Guid.NewGuid():N}",
        }.ConnectionString;
        EnsureDatabase.For.PostgresqlDatabase(server);
        var upgrade = DeployChanges.To.PostgresqlDatabase(server)
            .WithScriptsEmbeddedInAssemblies([Infrastructure, service], name => string.CompareOrdinal(name, firstNewScript) < 0)
            .WithVariable("RuntimeRole", "CURRENT_USER")
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        Assert.True(upgrade.Successful, upgrade.Error?.Message);
        return server;
    }
}
