using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ProposalPlatform.AppHost.Infrastructure;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.IntegrationTests.Databases;

/// <summary>
/// What the AppHost makes on a PostgreSQL server for each database (<see cref="DatabaseProvisioning"/>)
/// and how a service then migrates and uses it, on a real server of the tests' own.
/// </summary>
public sealed class Provisioning_the_databases_and_their_roles(LocalPostgres postgres) : IClassFixture<LocalPostgres>
{
    private static readonly System.Reflection.Assembly[] Migrations =
        [typeof(DatabaseMigrator).Assembly, typeof(Provisioning_the_databases_and_their_roles).Assembly];

    [Fact]
    public async Task A_database_the_superuser_made_and_filled_before_there_were_roles_is_handed_to_its_owner()
    {
        // Arrange: a database as the platform left it before its services had roles: made, migrated and
        // filled by the superuser, with an object of every kind the migrations could make
        var database = new DatabaseDeclaration("legacydb");
        await postgres.ExecuteAsync(postgres.Superuser(), "CREATE DATABASE legacydb");
        await DatabaseMigrator.MigrateAsync(
            new MigrationConnection(postgres.Superuser("legacydb"), "CURRENT_USER"), [typeof(DatabaseMigrator).Assembly], NullLogger.Instance, default);
        await postgres.ExecuteAsync(postgres.Superuser("legacydb"), LegacyObjects);
        var passwords = new Dictionary<string, string> { [database.OwnerRole] = "legacy-owner-password" };

        // Act: the AppHost's start, and the next one
        var handedOver = await DatabaseProvisioning.ProvisionAsync(postgres.Superuser(), database, passwords, default);
        var handedOverAgain = await DatabaseProvisioning.ProvisionAsync(postgres.Superuser(), database, passwords, default);

        // Assert: everything is the owner's, who runs the migrations that come after and changes what the superuser made
        Assert.True(handedOver >= 12, $"{handedOver} objects handed over");
        Assert.Equal(0, handedOverAgain);
        Assert.Empty(await postgres.ColumnAsync(postgres.Superuser("legacydb"), NotOwnedBy("legacydb_owner")));
        Assert.Equal(["legacydb_owner"], await postgres.ColumnAsync(postgres.Superuser(), "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'legacydb'"));
        var owner = $"{postgres.Address};Database=legacydb;Username=legacydb_owner;Password=legacy-owner-password";
        await DatabaseMigrator.MigrateAsync(new MigrationConnection(owner, "CURRENT_USER"), Migrations, NullLogger.Instance, default);
        await postgres.ExecuteAsync(owner, ChangesOfEveryKind);
        Assert.Equal(["legacydb_owner"], await postgres.ColumnAsync(owner, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname IN ('public', 'legacy')"));
        Assert.Equal(["a", "b"], await postgres.ColumnAsync(owner, "SELECT code FROM legacy_items ORDER BY id"));
    }

    [Fact]
    public async Task A_service_running_as_a_role_of_its_own_may_do_only_what_the_migrations_grant_it()
    {
        // Arrange: the AppHost's resource for a database declared with a runtime role (beside the platform's), and a service given it
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ProposalPlatform_AppHost>(
            ["--Infrastructure:Mode=external", $"--Infrastructure:Local:DataDirectory={postgres.SecretsDirectory}",
             "--ConnectionStrings:rabbitmq=amqp://localhost", $"--ConnectionStrings:postgres={postgres.Superuser()}"]);
        var server = new DatabaseServer(null, ReferenceExpression.Create($"{postgres.Superuser()}"), ReferenceExpression.Create($"{postgres.Address}"));
        var database = builder.AddProvisionedDatabases(server, [new DatabaseDeclaration("appendsdb", SeparateRuntimeRole: true)], postgres.SecretsDirectory)["appendsdb"];
        var service = builder.AddExecutable("appends", "true", ".").WithDatabase(database);
        var environment = await ResourceEnvironment.OfAsync(service.Resource);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(variable => KeyValuePair.Create(variable.Key.Replace("__", ":", StringComparison.Ordinal), (string?)variable.Value)))
            .Build();

        // Act: the AppHost makes the database and its roles, the service migrates it as the owner
        await PlatformDatabaseExtensions.ProvisionAsync(database.Resource, server, default);
        await DatabaseMigrator.MigrateAsync(MigrationConnection.For(configuration, "appendsdb"), Migrations, NullLogger.Instance, default);

        // Assert: the service runs as its own role, which adds and reads, and uses the outbox, and nothing else
        var runtime = configuration.GetConnectionString("appendsdb")!;
        Assert.Equal(["appendsdb_runtime"], await postgres.ColumnAsync(runtime, "SELECT current_user"));
        Assert.Equal(["appendsdb_owner"], await postgres.ColumnAsync(runtime, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"));
        await postgres.ExecuteAsync(runtime, "INSERT INTO probe_appends (note) VALUES ('first')");
        Assert.Equal(["first"], await postgres.ColumnAsync(runtime, "SELECT note FROM probe_appends"));
        await postgres.ExecuteAsync(runtime, "INSERT INTO outbox_messages (message_id, message_type, payload) VALUES (gen_random_uuid(), 'probe', '{}')");
        string[] refused =
        [
            "UPDATE probe_appends SET note = 'changed'",
            "DELETE FROM probe_appends",
            "TRUNCATE probe_appends",
            "SELECT count(*) FROM probe_applications",
            "INSERT INTO schemaversions (scriptname, applied) VALUES ('0099_mine.sql', now())",
            "CREATE TABLE mine (id int)",
        ];
        foreach (var statement in refused)
        {
            var refusal = await Assert.ThrowsAsync<PostgresException>(() => postgres.ExecuteAsync(runtime, statement));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        }
    }

    [Fact]
    public async Task An_administrator_that_is_no_superuser_makes_them_and_no_other_role_may_connect()
    {
        // Arrange: a managed server's administrator, with CREATEDB and CREATEROLE but no superuser, and some other role
        await postgres.ExecuteAsync(postgres.Superuser(), """
            CREATE ROLE cloud_admin LOGIN CREATEDB CREATEROLE PASSWORD 'cloud-admin-password';
            CREATE ROLE bystander LOGIN PASSWORD 'bystander-password';
            """);
        var admin = $"{postgres.Address};Database=postgres;Username=cloud_admin;Password=cloud-admin-password";
        var database = new DatabaseDeclaration("manageddb");

        var passwords = new Dictionary<string, string> { [database.OwnerRole] = "managed-owner-password" };

        // Act: the first start, and the next
        await DatabaseProvisioning.ProvisionAsync(admin, database, passwords, default);
        await DatabaseProvisioning.ProvisionAsync(admin, database, passwords, default);

        // Assert
        var owner = $"{postgres.Address};Database=manageddb;Username=manageddb_owner;Password=managed-owner-password";
        await postgres.ExecuteAsync(owner, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)");
        Assert.Equal(["manageddb_owner False False False"], await postgres.ColumnAsync(
            owner, "SELECT current_user || ' ' || initcap(rolsuper::text) || ' ' || initcap(rolcreatedb::text) || ' ' || initcap(rolcreaterole::text) FROM pg_roles WHERE rolname = current_user"));
        var bystander = await Assert.ThrowsAsync<PostgresException>(() =>
            postgres.ExecuteAsync($"{postgres.Address};Database=manageddb;Username=bystander;Password=bystander-password", "SELECT 1"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, bystander.SqlState);
    }

    [Fact]
    public async Task Replicas_starting_together_migrate_one_after_the_other_and_apply_each_script_once()
    {
        // Arrange
        await postgres.ExecuteAsync(postgres.Superuser(), "CREATE DATABASE replicasdb");
        var connection = new MigrationConnection(postgres.Superuser("replicasdb"), "CURRENT_USER");

        // Act: four replicas of a service start at the same moment
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => DatabaseMigrator.MigrateAsync(connection, Migrations, NullLogger.Instance, default))));

        // Assert: every script in the journal once, and no replica was refused (DbUp without the lock raced on its journal and on CREATE TABLE)
        var journal = await postgres.ColumnAsync(postgres.Superuser("replicasdb"), "SELECT scriptname FROM schemaversions");
        Assert.NotEmpty(journal);
        Assert.Equal(journal.Distinct().Count(), journal.Count);
        Assert.Equal(Migrations.Sum(a => a.GetManifestResourceNames().Count(n => n.EndsWith(".sql", StringComparison.Ordinal))), journal.Count);
    }

    /// <summary>Every object of the database's own schemas (indexes, sequences and array types included) whose owner is neither <paramref name="owner"/> nor pg_database_owner.</summary>
    private static string NotOwnedBy(string owner) => $"""
        SELECT o.kind || ' ' || o.name || ' of ' || pg_get_userbyid(o.owner)
        FROM (
            SELECT 'relation' AS kind, c.oid::regclass::text AS name, c.relowner AS owner, c.relnamespace AS namespace FROM pg_class c
            UNION ALL SELECT 'routine', p.oid::regprocedure::text, p.proowner, p.pronamespace FROM pg_proc p
            UNION ALL SELECT 'type', format_type(t.oid, NULL), t.typowner, t.typnamespace FROM pg_type t
            UNION ALL SELECT 'schema', n.nspname, n.nspowner, n.oid FROM pg_namespace n
        ) o
        JOIN pg_namespace n ON n.oid = o.namespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
          AND pg_get_userbyid(o.owner) NOT IN ('{owner}', 'pg_database_owner')
        """;

    private const string LegacyObjects = """
        CREATE TYPE legacy_state AS ENUM ('open', 'closed');
        CREATE DOMAIN legacy_code AS text CHECK (VALUE <> '');
        CREATE TYPE legacy_pair AS (a int, b int);
        CREATE SEQUENCE legacy_numbers;
        CREATE TABLE legacy_items (
            id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            code       legacy_code  NOT NULL,
            state      legacy_state NOT NULL DEFAULT 'open',
            serial_no  serial,
            touched_at timestamptz
        );
        CREATE FUNCTION legacy_touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.touched_at := now();
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER trg_legacy_touch BEFORE INSERT OR UPDATE ON legacy_items FOR EACH ROW EXECUTE FUNCTION legacy_touch();
        CREATE VIEW legacy_open AS SELECT id, code FROM legacy_items WHERE state = 'open';
        CREATE MATERIALIZED VIEW legacy_counts AS SELECT state, count(*) AS items FROM legacy_items GROUP BY state;
        CREATE AGGREGATE legacy_concat(text) (SFUNC = textcat, STYPE = text);
        CREATE SCHEMA legacy;
        CREATE TABLE legacy.notes (id int PRIMARY KEY, note text);
        INSERT INTO legacy_items (code) VALUES ('a');
        """;

    private const string ChangesOfEveryKind = """
        ALTER TABLE outbox_messages ALTER COLUMN payload SET STATISTICS 0;
        ALTER INDEX ix_outbox_messages_unsent SET (fillfactor = 90);
        ALTER TABLE legacy_items ADD COLUMN note text;
        CREATE OR REPLACE FUNCTION legacy_touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.touched_at := clock_timestamp();
            RETURN NEW;
        END
        $$;
        ALTER SEQUENCE legacy_numbers RESTART WITH 10;
        SELECT setval(pg_get_serial_sequence('legacy_items', 'serial_no'), 100);
        ALTER TYPE legacy_state ADD VALUE 'archived';
        ALTER DOMAIN legacy_code SET DEFAULT 'x';
        ALTER TYPE legacy_pair ADD ATTRIBUTE c int;
        CREATE OR REPLACE VIEW legacy_open AS SELECT id, code, state FROM legacy_items WHERE state = 'open';
        REFRESH MATERIALIZED VIEW legacy_counts;
        ALTER AGGREGATE legacy_concat(text) RENAME TO legacy_joined;
        CREATE TABLE legacy.more_notes (id int);
        INSERT INTO legacy_items (code) VALUES ('b');
        """;
}
