using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.Infrastructure.Authorization;

/// <summary>
/// Who is calling, as the access token the service validated itself says: a person or a machine
/// client, its unit and its roles. Never read from anything else in the request. Every write records
/// <see cref="Id"/> and <see cref="Name"/> as who made it.
/// </summary>
public sealed record Caller(string Id, string Name, string? UnitCode, IReadOnlySet<string> Roles)
{
    public bool IsOffice => Roles.Contains(PlatformRoles.ProposalOffice);

    public bool IsDistrictOfficer => Roles.Contains(PlatformRoles.DistrictOfficer);

    public bool Has(string role) => Roles.Contains(role);

    /// <summary>True when the caller belongs to <paramref name="unitCode"/>.</summary>
    public bool IsOf(string? unitCode) =>
        unitCode is { Length: > 0 } && string.Equals(UnitCode, unitCode, StringComparison.Ordinal);

    /// <summary>A handler or the head of <paramref name="unitCode"/>.</summary>
    public bool WorksFor(string? unitCode) =>
        IsOf(unitCode) && (Has(PlatformRoles.UnitHandler) || Has(PlatformRoles.UnitHead));

    /// <summary>
    /// Whether another unit's records (a unit's lists and figures) are hidden from this caller: from a
    /// unit's or a district's staff (or one of no unit) asking for another unit's, answered as if there
    /// were none. The office sees every unit's; <paramref name="unit"/> null asks for the caller's own.
    /// </summary>
    public bool IsKeptFromUnit(string? unit) =>
        !IsOffice && (UnitCode is null || (unit is not null && unit != UnitCode));

    /// <summary>Who the record of a write names: the name, and the person's or client's id beside it.</summary>
    public string Signature => $"{Name} ({Id})";

    public static Caller From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(PlatformClaims.Subject)
            ?? throw new InvalidOperationException("An authenticated caller's token has no subject.");
        var name = user.FindFirstValue(PlatformClaims.Name) is { Length: > 0 } given ? given : id;
        var unit = user.FindFirstValue(PlatformClaims.Unit);
        var roles = user.FindAll(PlatformClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(id, name, unit is { Length: > 0 } ? unit : null, roles);
    }

    /// <summary>Lets an endpoint take the caller as a parameter; the fallback policy has already refused the anonymous.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<Caller?>(context.User.Identity?.IsAuthenticated == true ? From(context.User) : null);
}
