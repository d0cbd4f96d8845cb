using System.Text.Json;

namespace ProposalPlatform.Identity.Domain;

/// <summary>
/// What the platform keeps of a machine client beyond OpenIddict's own fields, in the application's
/// properties: its unit, its roles, who created it and who revoked it.
/// </summary>
public sealed record ClientRecord(
    string UnitCode,
    IReadOnlyList<string> Roles,
    string? CreatedBy = null,
    DateTimeOffset? CreatedAt = null,
    string? RevokedBy = null,
    DateTimeOffset? RevokedAt = null)
{
    public const string UnitProperty = "unit";
    public const string RolesProperty = "roles";
    public const string CreatedByProperty = "created_by";
    public const string CreatedAtProperty = "created_at";
    public const string RevokedByProperty = "revoked_by";
    public const string RevokedAtProperty = "revoked_at";

    public bool Revoked => RevokedAt is not null;

    /// <summary>The record in an application's properties; a client without them (a public client) has no unit and no role.</summary>
    public static ClientRecord From(IReadOnlyDictionary<string, JsonElement> properties) => new(
        String(properties, UnitProperty) ?? "",
        properties.TryGetValue(RolesProperty, out var roles) && roles.ValueKind == JsonValueKind.Array
            ? [.. roles.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!)]
            : [],
        String(properties, CreatedByProperty),
        Moment(properties, CreatedAtProperty),
        String(properties, RevokedByProperty),
        Moment(properties, RevokedAtProperty));

    public void WriteTo(IDictionary<string, JsonElement> properties)
    {
        properties[UnitProperty] = JsonSerializer.SerializeToElement(UnitCode);
        properties[RolesProperty] = JsonSerializer.SerializeToElement(Roles);
        Write(properties, CreatedByProperty, CreatedBy);
        Write(properties, CreatedAtProperty, CreatedAt);
        Write(properties, RevokedByProperty, RevokedBy);
        Write(properties, RevokedAtProperty, RevokedAt);
    }

    private static void Write<T>(IDictionary<string, JsonElement> properties, string name, T? value)
    {
        if (value is null)
        {
            properties.Remove(name);
        }
        else
        {
            properties[name] = JsonSerializer.SerializeToElement(value);
        }
    }

    private static string? String(IReadOnlyDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Moment(IReadOnlyDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var moment)
            ? moment
            : null;
}
