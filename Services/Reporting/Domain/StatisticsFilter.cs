using ProposalPlatform.Contracts;

namespace ProposalPlatform.Reporting.Domain;

/// <summary>
/// Which items a year's figures count: the session year, and optionally the kind, the session's term
/// (届) and meeting (次), and a unit (the items it leads; for a customs district also those it registered).
/// </summary>
public sealed record StatisticsFilter(int Year, ProposalKind? Kind = null, int? Term = null, int? Meeting = null, string? Unit = null, bool UnitIsDistrict = false)
{
    /// <summary>
    /// The same items a year before: a session's meetings are a year apart, so meeting m of a term
    /// compares with meeting m−1 of the same term; the first meeting of a term with the previous term's
    /// last (any meeting of term − 1).
    /// </summary>
    public StatisticsFilter PreviousYear() => this switch
    {
        { Meeting: > 1 } => this with { Year = Year - 1, Meeting = Meeting - 1 },
        { Meeting: not null, Term: not null } => this with { Year = Year - 1, Term = Term - 1, Meeting = null },
        _ => this with { Year = Year - 1 },
    };
}
