namespace ProposalPlatform.Identity.Domain;

/// <summary>A machine client (a customs district's system, a tool) the proposal office asks to create.</summary>
public sealed record NewClient(string? ClientId, string? DisplayName, string? UnitCode, IReadOnlyList<string?>? Roles);

/// <summary>A client that can be created; <see cref="ClientId"/> is null when the service is to choose one.</summary>
public sealed record ValidClient(string? ClientId, string DisplayName, string UnitCode, IReadOnlyList<string> Roles);

public static class ClientRules
{
    /// <summary>The client to create, or the errors by the JSON name of each field at fault.</summary>
    public static (ValidClient? Client, Dictionary<string, string[]> Errors) Validate(NewClient request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ClientId is not null)
        {
            PersonRules.Add(errors, "clientId", FieldRules.CheckName(request.ClientId, "client id"));
        }

        PersonRules.Add(errors, "displayName", FieldRules.CheckDisplayName(request.DisplayName));
        PersonRules.Add(errors, "unitCode", FieldRules.CheckUnitCode(request.UnitCode));
        var (roles, rolesError) = RoleRules.Normalize(request.Roles);
        PersonRules.Add(errors, "roles", rolesError);

        return errors.Count > 0
            ? (null, errors)
            : (new ValidClient(request.ClientId, request.DisplayName!.Trim(), request.UnitCode!, roles), errors);
    }

    /// <summary>The id a client gets when none was asked for: its unit's code and a random part.</summary>
    public static string NewClientId(string unitCode, string randomPart) =>
        $"{unitCode.ToLowerInvariant()}-{randomPart}";
}
