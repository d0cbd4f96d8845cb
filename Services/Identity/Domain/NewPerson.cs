namespace ProposalPlatform.Identity.Domain;

/// <summary>A person the proposal office asks to create; every field may be missing or wrong.</summary>
/// <param name="Email">The person's work e-mail address, where the unit's reminders are mailed; optional.</param>
public sealed record NewPerson(string? UserName, string? DisplayName, string? UnitCode, IReadOnlyList<string?>? Roles, string? Email = null);

/// <summary>A person that can be created.</summary>
public sealed record ValidPerson(string UserName, string DisplayName, string UnitCode, IReadOnlyList<string> Roles, string? Email)
{
    public bool RequiresSecondFactor => RoleRules.RequiresSecondFactor(Roles);
}

public static class PersonRules
{
    /// <summary>The person to create, or the errors by the JSON name of each field at fault.</summary>
    public static (ValidPerson? Person, Dictionary<string, string[]> Errors) Validate(NewPerson request)
    {
        var errors = new Dictionary<string, string[]>();
        Add(errors, "userName", FieldRules.CheckName(request.UserName, "user name"));
        Add(errors, "displayName", FieldRules.CheckDisplayName(request.DisplayName));
        Add(errors, "unitCode", FieldRules.CheckUnitCode(request.UnitCode));
        var (roles, rolesError) = RoleRules.Normalize(request.Roles);
        Add(errors, "roles", rolesError);
        Add(errors, "email", FieldRules.CheckEmail(request.Email));

        return errors.Count > 0
            ? (null, errors)
            : (new ValidPerson(request.UserName!, request.DisplayName!.Trim(), request.UnitCode!, roles, request.Email), errors);
    }

    internal static void Add(Dictionary<string, string[]> errors, string field, string? error)
    {
        if (error is not null)
        {
            errors[field] = [error];
        }
    }
}
