using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProposalPlatform.AppHost.Infrastructure;
using ProposalPlatform.AppHost.Services;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// Every service, the identity service included, connects to its own database as the role that owns
/// it: no superuser, no other database. The tests look as the superuser, which only they and the
/// AppHost hold.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Connecting_as_each_services_own_role(PlatformFixture platform)
{
    [Fact]
    public async Task Each_service_is_connected_to_its_database_as_its_role_and_none_as_the_superuser()
    {
        // Arrange: the identity service writes (a new client), the others keep polling their outboxes;
        // the tests' own idle connections are closed
        await platform.CreateClientAsync(PlatformFixture.LeadUnit, Contracts.Identity.PlatformRoles.UnitHandler);
        NpgsqlConnection.ClearAllPools();
        await using var server = await SuperuserAsync();

        // Act
        var clients = await Eventually.Until(
            () => ClientsAsync(server),
            found => PlatformInfrastructureExtensions.Databases.All(database => found.Any(client => client.Database == database.Name)),
            "a connection of every service to its database");

        // Assert
        foreach (var database in PlatformInfrastructureExtensions.Databases)
        {
            Assert.Equal([database.RuntimeRole], clients.Where(client => client.Database == database.Name).Select(client => client.User).Distinct());
        }
    }

    [Fact]
    public async Task A_services_role_is_no_superuser_and_cannot_connect_to_another_services_database()
    {
        foreach (var database in PlatformInfrastructureExtensions.Databases)
        {
            // Act
            var own = await platform.ConnectionStringAsync(database.Name);
            await using var connection = new NpgsqlConnection(own);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT current_user, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user", connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());

            // Assert
            Assert.Equal(database.RuntimeRole, reader.GetString(0));
            Assert.Equal([false, false, false, false, false], Enumerable.Range(1, 5).Select(reader.GetBoolean));
            foreach (var other in PlatformInfrastructureExtensions.Databases.Where(other => other != database))
            {
                await using var elsewhere = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(own) { Database = other.Name, Pooling = false }.ConnectionString);
                var refused = await Assert.ThrowsAsync<PostgresException>(() => elsewhere.OpenAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            }
        }
    }

    [Fact]
    public async Task No_service_is_given_the_superusers_password()
    {
        // Arrange
        var superuserPassword = (await File.ReadAllTextAsync(Path.Combine(platform.DataDirectory, "postgres.password"))).Trim();
        var services = platform.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<PlatformServiceResource>().ToList();
        var context = platform.App.Services.GetRequiredService<DistributedApplicationExecutionContext>();

        foreach (var service in services)
        {
            // Act
            var environment = await ResourceEnvironment.OfAsync(service, context);

            // Assert
            Assert.DoesNotContain(environment, variable => variable.Value.Contains(superuserPassword, StringComparison.Ordinal));
        }

        var intake = await ResourceEnvironment.OfAsync(services.Single(service => service.Name == ResourceNames.Intake), context);
        Assert.Equal("intakedb_owner", new NpgsqlConnectionStringBuilder(intake[$"ConnectionStrings__{ResourceNames.IntakeDatabase}"]).Username);
    }

    private async Task<NpgsqlConnection> SuperuserAsync()
    {
        var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(await platform.ConnectionStringAsync(ResourceNames.DatabaseServer)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<(string Database, string User)>> ClientsAsync(NpgsqlConnection server)
    {
        await using var command = new NpgsqlCommand(
            "SELECT datname, usename FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname <> 'postgres'", server);
        await using var reader = await command.ExecuteReaderAsync();
        var clients = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            clients.Add((reader.GetString(0), reader.GetString(1)));
        }

        return clients;
    }
}
