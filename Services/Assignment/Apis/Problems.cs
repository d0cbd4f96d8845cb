using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.ServiceDefaults;
using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.Assignment.Apis;

/// <summary>The refusals the assignment service answers with more than once, as ProblemDetails: its endpoints and its use cases say no with these.</summary>
public static class Problems
{
    public static ProblemDetails NotFound(string title, string detail) =>
        new() { Status = StatusCodes.Status404NotFound, Title = title, Detail = detail };

    public static ProblemDetails NotAssigned(Guid proposalId) =>
        NotFound("The item is not assigned.", $"No assignment exists for item {proposalId}: it is unknown or not yet assigned.");

    public static ProblemDetails AlreadyReturned(Guid proposalId) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The item was returned.",
        Detail = $"Item {proposalId} went back to the assigning office; it can no longer be changed here.",
    };

    public static ProblemDetails NoSuchUnit(string code) => NotFound("No such unit.", $"There is no unit with code {code}.");

    public static ProblemDetails NoSuchRule(int id) => NotFound("No such rule.", $"There is no routing rule {id}.");

    public static ProblemDetails NoCalendarYear(int year) =>
        NotFound("No such calendar year.", $"The holiday calendar has no {year}: the proposal office puts the year's days, from its notice, first.");

    public static ProblemDetails NoCalendarDay(DateOnly day) =>
        NotFound("No such calendar day.", $"The holiday calendar names no {day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.");

    public static ProblemDetails PlacesTaken(IReadOnlyList<Coverage> taken) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "A place is covered by another district.",
        Detail = "Each place belongs to one district: " + string.Join("; ", taken.Select(t => $"{t.Province}{(t.City is null ? " (whole province)" : " " + t.City)} is covered by {t.UnitCode}")) + ".",
    };

    /// <summary>Adds an error for a required text field that is missing, blank, or longer than <paramref name="maxLength"/> (a <see cref="TextLimits"/> constant).</summary>
    public static void Require(Dictionary<string, string[]> errors, string field, string? value, string message, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [message];
        }
        else if (TextLimits.Exceeded(value.Trim(), maxLength) is { } tooLong)
        {
            errors[field] = [tooLong];
        }
    }
}
