using Aspire.Hosting.ApplicationModel;

namespace ProposalPlatform.AppHost.Infrastructure;

/// <summary>
/// One service's database as the service sees it: its connection string names the role the service
/// runs as, never the server's administrator. Running once its roles and the database are made.
/// </summary>
public sealed class PlatformDatabaseResource(
    string name,
    ReferenceExpression connectionString,
    ReferenceExpression? migrationsConnectionString,
    DatabaseDeclaration? declaration,
    IReadOnlyDictionary<string, ParameterResource> passwords)
    : Resource(name), IResourceWithConnectionString
{
    public string DatabaseName => Name;

    /// <summary>The role the service runs as.</summary>
    public ReferenceExpression ConnectionStringExpression { get; } = connectionString;

    /// <summary>The owner's, for the migrations, where the service runs as another role; null where it runs as the owner.</summary>
    public ReferenceExpression? MigrationsConnectionStringExpression { get; } = migrationsConnectionString;

    /// <summary>What the AppHost makes on the server; null for a database the deployment provides with its own roles.</summary>
    public DatabaseDeclaration? Declaration { get; } = declaration;

    /// <summary>The password of each role of <see cref="Declaration"/>.</summary>
    public IReadOnlyDictionary<string, ParameterResource> Passwords { get; } = passwords;
}
