using MudBlazor;

namespace ProposalPlatform.Portal.Clients;

/// <summary>How a deadline presses, as a colour: passed is red, within a week orange, later green.</summary>
public static class Urgency
{
    public const int WarningDays = 7;

    public static Color Of(DateTimeOffset due, DateTimeOffset now) => (due - now).TotalDays switch
    {
        < 0 => Color.Error,
        <= WarningDays => Color.Warning,
        _ => Color.Success,
    };

    /// <summary>Whole days until the deadline (rounded up), or since it passed (rounded down), never negative.</summary>
    public static int Days(DateTimeOffset due, DateTimeOffset now) =>
        due >= now ? (int)Math.Ceiling((due - now).TotalDays) : (int)Math.Floor((now - due).TotalDays);
}
