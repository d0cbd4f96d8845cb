using Aspire.Hosting.ApplicationModel;
using Npgsql;
using ProposalPlatform.AppHost.Infrastructure;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Databases;

/// <summary>
/// The connection strings the AppHost gives the services where it cannot run the servers here: a
/// server the deployment runs, and the container engine's. Each names its database's own role, never
/// the administrator.
/// </summary>
public sealed class Composing_the_services_connection_strings : IDisposable
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("proposalplatform-connections-");

    [Fact]
    public async Task An_external_server_is_reached_as_each_databases_owner_with_the_configured_tls()
    {
        // Arrange
        await using var builder = await AppHostAsync(
            "--Infrastructure:Mode=external",
            "--Infrastructure:External:PostgresSslMode=VerifyFull",
            "--Infrastructure:External:PostgresRootCertificate=/etc/proposalplatform/db-ca.pem",
            "--ConnectionStrings:rabbitmq=amqps://platform:broker-secret@mq.example:5671",
            "--ConnectionStrings:postgres=Host=db.example;Port=5433;Username=platform_admin;Password=admin-secret;Database=postgres",
            // one database the deployment provides with its own role
            "--ConnectionStrings:replydb=Host=reply-db.example;Username=reply_app;Password=reply-secret;Database=replies");
        var databases = builder.Resources.OfType<PlatformDatabaseResource>().ToDictionary(database => database.Name);

        // Act
        var strings = new Dictionary<string, string>();
        foreach (var (name, database) in databases)
        {
            strings[name] = (await database.ConnectionStringExpression.GetValueAsync(default))!;
        }

        // Assert
        Assert.Equal(PlatformInfrastructureExtensions.Databases.Select(database => database.Name).Order(), databases.Keys.Order());
        Assert.All(strings.Values, value => Assert.DoesNotContain("admin-secret", value, StringComparison.Ordinal));
        var intake = new NpgsqlConnectionStringBuilder(strings[ResourceNames.IntakeDatabase]);
        Assert.Equal(
            ("db.example", 5433, "intakedb", "intakedb_owner", SslMode.VerifyFull, "/etc/proposalplatform/db-ca.pem"),
            (intake.Host, intake.Port, intake.Database, intake.Username, intake.SslMode, intake.RootCertificate));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(_dataDirectory.FullName, "intakedb_owner.password")), intake.Password);
        var reply = new NpgsqlConnectionStringBuilder(strings[ResourceNames.ReplyDatabase]);
        Assert.Equal(("reply-db.example", "replies", "reply_app", "reply-secret", SslMode.VerifyFull), (reply.Host, reply.Database, reply.Username, reply.Password, reply.SslMode));
        Assert.Null(databases[ResourceNames.ReplyDatabase].Declaration);
        // only a database whose service runs as a role of its own migrates as its owner
        Assert.All(databases.Values, database => Assert.Equal(database.Declaration?.SeparateRuntimeRole == true, database.MigrationsConnectionStringExpression is not null));
        var audit = new NpgsqlConnectionStringBuilder(strings[ResourceNames.AuditDatabase]);
        var auditOwner = new NpgsqlConnectionStringBuilder(await databases[ResourceNames.AuditDatabase].MigrationsConnectionStringExpression!.GetValueAsync(default));
        Assert.Equal(("auditdb_runtime", "auditdb_owner", SslMode.VerifyFull), (audit.Username, auditOwner.Username, auditOwner.SslMode));
    }

    [Fact]
    public async Task An_external_mode_without_an_administrator_names_the_databases_it_lacks()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AppHostAsync(
            "--Infrastructure:Mode=external",
            "--ConnectionStrings:rabbitmq=amqp://platform:broker-secret@mq.example:5672",
            "--ConnectionStrings:intakedb=Host=db.example;Username=intake_app;Password=intake-secret"));

        Assert.Contains("ConnectionStrings:postgres", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("assignmentdb", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_container_servers_databases_are_reached_as_their_owners()
    {
        // Arrange
        await using var builder = await AppHostAsync("--Infrastructure:Mode=containers");

        // Act
        var intake = builder.Resources.OfType<PlatformDatabaseResource>().Single(database => database.Name == ResourceNames.IntakeDatabase);

        // Assert: the container's endpoint, the owner and the owner's password parameter, not the superuser's
        var expression = intake.ConnectionStringExpression.ValueExpression;
        Assert.StartsWith("Host={postgres.bindings.tcp.host};Port={postgres.bindings.tcp.port};", expression, StringComparison.Ordinal);
        Assert.EndsWith("Database=intakedb;Username=intakedb_owner;Password={intakedb-owner-password.value}", expression, StringComparison.Ordinal);
        Assert.DoesNotContain(builder.Resources.OfType<PostgresDatabaseResource>(), _ => true);
    }

    private Task<IDistributedApplicationTestingBuilder> AppHostAsync(params string[] args) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.ProposalPlatform_AppHost>(
            [$"--Infrastructure:Local:DataDirectory={_dataDirectory.FullName}", .. args]);

    public void Dispose() => _dataDirectory.Delete(recursive: true);
}
