using Microsoft.Extensions.Configuration;
using Npgsql;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.Infrastructure.Data;

/// <summary>
/// What a service's migrations run with: the owner's connection (<c>ConnectionStrings:&lt;database&gt;-migrations</c>)
/// where the service runs as a role that is not the owner, else the service's own; and the role the
/// service runs as, which the scripts name <c>$RuntimeRole$</c> to grant it what it may do.
/// </summary>
public sealed record MigrationConnection(string ConnectionString, string RuntimeRole)
{
    public static MigrationConnection For(IConfiguration configuration, string databaseName)
    {
        var runtime = configuration.GetConnectionString(databaseName) is { Length: > 0 } given
            ? given
            : throw new InvalidOperationException($"ConnectionStrings:{databaseName} is not configured.");
        // the owner's connection is for the migrations alone: not kept open in a pool once they are done
        var migrations = configuration.GetConnectionString(ResourceNames.MigrationsConnection(databaseName)) is { Length: > 0 } owner
            ? new NpgsqlConnectionStringBuilder(owner) { Pooling = false }.ConnectionString
            : runtime;
        var role = new NpgsqlConnectionStringBuilder(runtime).Username is { Length: > 0 } user
            ? $"\"{user.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : "CURRENT_USER";
        return new MigrationConnection(migrations, role);
    }
}
