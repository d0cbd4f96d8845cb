using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.Identity.Domain;

/// <summary>Which roles exist, and what holding one of them asks of an account.</summary>
public static class RoleRules
{
    /// <summary>
    /// The roles asked for, each once in its canonical spelling (matched without regard to case),
    /// ordered as <see cref="PlatformRoles.All"/>; or the reason they cannot be granted.
    /// </summary>
    public static (IReadOnlyList<string> Roles, string? Error) Normalize(IReadOnlyList<string?>? requested)
    {
        if (requested is null || requested.Count == 0)
        {
            return ([], $"At least one role is needed, out of: {string.Join(", ", PlatformRoles.All)}.");
        }

        var unknown = requested
            .Where(r => r is null || !PlatformRoles.All.Contains(r.Trim(), StringComparer.OrdinalIgnoreCase))
            .Select(r => r ?? "null")
            .ToList();
        if (unknown.Count > 0)
        {
            return ([], $"Unknown role(s) {string.Join(", ", unknown)}: a role is one of {string.Join(", ", PlatformRoles.All)}.");
        }

        var roles = PlatformRoles.All
            .Where(role => requested.Any(r => string.Equals(r!.Trim(), role, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return (roles, null);
    }

    /// <summary>The proposal office can do everything on every item: its accounts must have a second factor.</summary>
    public static bool RequiresSecondFactor(IEnumerable<string> roles) =>
        roles.Contains(PlatformRoles.ProposalOffice, StringComparer.Ordinal);
}
