namespace ProposalPlatform.Assignment.Domain;

/// <summary>A headquarters department or a customs district that handles items.</summary>
public sealed record HandlingUnit(string Code, string Name, string Kind)
{
    public const string Department = "Department";
    public const string District = "District";

    public static bool IsKnownKind(string? kind) => kind is Department or District;
}
