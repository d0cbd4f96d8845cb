namespace ProposalPlatform.Contracts.Identity;

/// <summary>The roles a person or a machine client holds, as the <c>role</c> claims of its access token.</summary>
public static class PlatformRoles
{
    /// <summary>The proposal office at headquarters: every item, batches, assignment, units, rules, people and clients.</summary>
    public const string ProposalOffice = "ProposalOffice";

    /// <summary>A handler of one unit: contacts, drafts and replies of the items the unit leads; opinions on those it co-handles.</summary>
    public const string UnitHandler = "UnitHandler";

    /// <summary>The head of one unit: the unit-head sign-off of its drafts, and what its handlers may do.</summary>
    public const string UnitHead = "UnitHead";

    /// <summary>An officer of one customs district: its local items and the visits entrusted to it.</summary>
    public const string DistrictOfficer = "DistrictOfficer";

    /// <summary>Operations: health and metrics, never item content or personal data.</summary>
    public const string Ops = "Ops";

    public static readonly IReadOnlyList<string> All = [ProposalOffice, UnitHandler, UnitHead, DistrictOfficer, Ops];
}
