using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Infrastructure.Telemetry;

namespace ProposalPlatform.Assignment.Application;

/// <summary>
/// An item's return window as the rule in force for its kind and the holiday calendar give it. A count
/// that reaches a year the calendar does not hold says so three times: in the decision (the API's
/// warning, always), and — where it matters, for a return asked for or a window still open, not at every
/// read of an item whose window closed long ago — in the log and on the meter (<see cref="MissingYearName"/>, by year).
/// </summary>
public sealed partial class ReturnWindows
{
    public const string MissingYearName = "proposalplatform.calendar.missing_year";
    public const string YearTag = "proposalplatform.calendar.year";

    private readonly IOptions<AssignmentOptions> _options;
    private readonly CalendarRepository _calendars;
    private readonly ILogger<ReturnWindows> _logger;
    private readonly Counter<long> _missing;

    public ReturnWindows(IOptions<AssignmentOptions> options, CalendarRepository calendars, PlatformMeter meter, ILogger<ReturnWindows> logger)
    {
        (_options, _calendars, _logger) = (options, calendars, logger);
        _missing = meter.Meter.CreateCounter<long>(MissingYearName, "{count}",
            "Return windows counted in working days that reached a year the holiday calendar does not hold (its days counted as calendar days), by year.");
    }

    /// <summary>The window of an assignment, read outside any transaction (for its view).</summary>
    public async Task<ReturnDecision> DecideAsync(AssignmentRow assignment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (first, last) = Returns.YearsOf(assignment.ClockStartedAt);
        return Noted(assignment, Returns.Decide(assignment.ClockStartedAt, now, RuleOf(assignment), await _calendars.CalendarAsync(first, last, cancellationToken)), asked: false);
    }

    /// <summary>The window of an assignment, inside the write that returns it.</summary>
    public async Task<ReturnDecision> DecideAsync(UnitOfWork work, AssignmentRow assignment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (first, last) = Returns.YearsOf(assignment.ClockStartedAt);
        return Noted(assignment, Returns.Decide(assignment.ClockStartedAt, now, RuleOf(assignment), await CalendarRepository.CalendarAsync(work, first, last, cancellationToken)), asked: true);
    }

    private DayCountRule RuleOf(AssignmentRow assignment) => _options.Value.ReturnWindow.For(assignment.KindOf);

    private ReturnDecision Noted(AssignmentRow assignment, ReturnDecision decision, bool asked)
    {
        foreach (var year in asked || decision.Allowed ? decision.MissingYears : [])
        {
            LogMissingYear(_logger, assignment.ProposalId, year);
            _missing.Add(1, new KeyValuePair<string, object?>(YearTag, year));
        }

        return decision;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The return window of item {ProposalId} reaches {Year}, which has no holiday calendar: its days were counted as calendar days. The proposal office puts the year in the calendar (PUT /api/assignment/calendar/YYYY).")]
    private static partial void LogMissingYear(ILogger logger, Guid proposalId, int year);
}
