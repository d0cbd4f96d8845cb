using Microsoft.Extensions.Configuration;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.UnitTests.Hosting;

public class Choosing_the_migrations_connection
{
    private const string Owner = "Host=db;Database=auditdb;Username=auditdb_owner;Password=owner-secret";
    private const string Runtime = "Host=db;Database=auditdb;Username=auditdb_runtime;Password=runtime-secret";

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(value => KeyValuePair.Create(value.Key, (string?)value.Value))).Build();

    [Fact]
    public void Migrates_as_the_owner_without_keeping_its_connection_and_grants_to_the_role_the_service_runs_as()
    {
        var connection = MigrationConnection.For(
            Configuration(("ConnectionStrings:auditdb", Runtime), ("ConnectionStrings:auditdb-migrations", Owner)), "auditdb");

        Assert.Equal(new MigrationConnection(Owner + ";Pooling=False", "\"auditdb_runtime\""), connection);
    }

    [Fact]
    public void Migrates_as_the_service_itself_where_it_runs_as_the_owner()
    {
        var connection = MigrationConnection.For(Configuration(("ConnectionStrings:auditdb", Owner)), "auditdb");

        Assert.Equal(new MigrationConnection(Owner, "\"auditdb_owner\""), connection);
    }

    [Fact]
    public void Names_the_current_user_where_the_connection_string_names_none()
    {
        var connection = MigrationConnection.For(Configuration(("ConnectionStrings:auditdb", "Host=db;Database=auditdb")), "auditdb");

        Assert.Equal("CURRENT_USER", connection.RuntimeRole);
    }

    [Fact]
    public void Refuses_to_start_without_the_services_connection_string()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => MigrationConnection.For(Configuration(("ConnectionStrings:auditdb-migrations", Owner)), "auditdb"));

        Assert.Contains("ConnectionStrings:auditdb", refused.Message, StringComparison.Ordinal);
    }
}
