using System.Globalization;
using ProposalPlatform.Contracts;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Assignment.Domain;

/// <summary>
/// Moving a reply deadline: where three months are not enough the reply may be finished later, but no
/// later than six months after assignment, only with a reason and an approver, and — past three months —
/// once the lead unit has explained the progress to the submitter.
/// </summary>
public static class DeadlineExtensions
{
    public const string UnexplainedTitle = "The progress has not been explained to the submitter.";

    /// <summary>Whether a reply due at <paramref name="newDueAt"/> is later than the three months after assignment, and so needs the progress explained to the submitter first.</summary>
    public static bool NeedsProgressExplanation(DateTimeOffset assignedAt, DateTimeOffset newDueAt) => newDueAt > Deadlines.ReplyDue(assignedAt);

    /// <summary>Why an extension past three months is refused when the submitter has not been told of the progress in this round.</summary>
    public static string UnexplainedDetail(Guid proposalId, DateTimeOffset assignedAt, int round) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Item {proposalId} would be due after {BeijingCalendar.DayOf(Deadlines.ReplyDue(assignedAt)):yyyy-MM-dd}, three months after assignment: the lead unit first explains the progress to the submitter in round {round} (progress-explanations), then the office extends.");

    /// <summary>
    /// The new due date, or the errors by field. <paramref name="months"/> adds calendar months to the
    /// current due date; <paramref name="newDueAt"/> names the date itself; exactly one is given.
    /// </summary>
    public static (DateTimeOffset? NewDueAt, Dictionary<string, string[]> Errors) Decide(
        DateTimeOffset assignedAt, DateTimeOffset currentDueAt, DateTimeOffset? newDueAt, int? months, string? reason, string? approvedBy)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["An extension needs a reason."];
        }
        else if (TextLimits.Exceeded(reason.Trim(), TextLimits.Reason) is { } tooLong)
        {
            errors["reason"] = [tooLong];
        }

        if (string.IsNullOrWhiteSpace(approvedBy))
        {
            errors["approvedBy"] = ["An extension needs the name of who approved it."];
        }

        DateTimeOffset? due = null;
        var field = newDueAt is not null ? "newDueAt" : "months";
        if (newDueAt is not null == months is not null)
        {
            errors["newDueAt"] = ["Give either newDueAt or months, not both and not neither."];
        }
        else if (months is not null && months < 1)
        {
            errors["months"] = ["Extend by at least one month."];
        }
        else if (months > Deadlines.LatestReplyMonths)
        {
            // no extension reaches past six months after assignment; a larger number is not a date at all
            errors["months"] = [$"Extend by at most {Deadlines.LatestReplyMonths} months: a reply is due no later than {Deadlines.LatestReplyMonths} months after assignment."];
        }
        else
        {
            // a deadline is a Beijing day: the date named, or the months counted on from the current one
            due = newDueAt is { } named ? BeijingCalendar.EndOf(BeijingCalendar.DayOf(named)) : BeijingCalendar.MonthsAfter(currentDueAt, months!.Value);
            var latest = Deadlines.LatestExtendedDue(assignedAt);
            if (due <= currentDueAt)
            {
                errors[field] = [$"The new due date must be after the current one ({currentDueAt.ToOffset(BeijingCalendar.Offset):O})."];
            }
            else if (due > latest)
            {
                errors[field] = [$"A reply may be due at most {Deadlines.LatestReplyMonths} months after assignment: no later than {latest.ToOffset(BeijingCalendar.Offset):O}."];
            }
        }

        return errors.Count == 0 ? (due, errors) : (null, errors);
    }
}
