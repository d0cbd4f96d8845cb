using System.Text.RegularExpressions;

namespace ProposalPlatform.AppHost.Infrastructure;

/// <summary>
/// One database of the platform and the roles that use it, made by the AppHost on every start
/// (<see cref="DatabaseProvisioning"/>). The owner role (<c>&lt;name&gt;_owner</c>) owns the database and
/// everything in it and runs its migrations; it may connect to no other database and is no superuser.
/// </summary>
/// <param name="Name">The database's name, also the name of its resource and of <c>ConnectionStrings:&lt;name&gt;</c>.</param>
/// <param name="SeparateRuntimeRole">
/// The service runs as a role of its own (<c>&lt;name&gt;_runtime</c>), not as the owner: it may connect and
/// use the schema, and do in the tables only what the migrations grant to <c>$RuntimeRole$</c> (e.g.
/// <c>GRANT SELECT, INSERT ON audit_records TO $RuntimeRole$</c> for an append-only table). The service
/// then gets the owner's connection string as <c>ConnectionStrings:&lt;name&gt;-migrations</c> for them.
/// </param>
public sealed partial record DatabaseDeclaration(string Name, bool SeparateRuntimeRole = false)
{
    // Names the SQL of the provisioning writes as they are: lower case, no quoting needed.
    public string Name { get; } = SimpleName().IsMatch(Name)
        ? Name
        : throw new ArgumentException($"A database name is lower-case letters and digits, not '{Name}'.", nameof(Name));

    public string OwnerRole => $"{Name}_owner";

    /// <summary>The role the service runs as: the owner, or a role of its own.</summary>
    public string RuntimeRole => SeparateRuntimeRole ? $"{Name}_runtime" : OwnerRole;

    public IReadOnlyList<string> Roles => SeparateRuntimeRole ? [OwnerRole, RuntimeRole] : [OwnerRole];

    [GeneratedRegex("^[a-z][a-z0-9]{0,40}$")]
    private static partial Regex SimpleName();
}
