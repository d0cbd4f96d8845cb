using System.Globalization;
using MassTransit;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Assignment.Application;

/// <summary>
/// A handler or the head of the lead unit records how it explained the item's progress to the
/// submitter (channel, the Beijing day, what was said), which an extension past three months needs
/// first; ProgressExplained is published. Answers the item's id.
/// </summary>
public sealed class RecordProgressExplanationHandler(WritePath path) : ItemWriteHandler<ProgressExplanationRequest, LockedAssignment, Guid>(path)
{
    public override string InvalidTitle => "The explanation is not valid.";

    public override ItemOperation OperationFor(ProgressExplanationRequest request) => ItemOperation.Handle;

    // no Validate: who may record it is told before what is wrong with it, and its day is checked against the assignment's

    public override async Task<LockedAssignment?> LockAsync(UnitOfWork work, Guid itemId, ProgressExplanationRequest request, CancellationToken cancellationToken) =>
        await LockedAssignment.LockAsync(work, itemId, cancellationToken) is { Current: not null } locked ? locked : null;

    public override ItemParties? PartiesOf(LockedAssignment target) => target.Parties;

    public override async Task<WriteOutcome<Guid>> ApplyAsync(WriteStep<ProgressExplanationRequest, LockedAssignment> step, CancellationToken cancellationToken)
    {
        var (work, id, target, request, caller, now) = step;
        var current = target.Current!;
        if (current.Status == AssignmentRepository.Returned)
        {
            return WriteOutcome<Guid>.Refused(Problems.AlreadyReturned(id));
        }

        if (current.RepliedAt is { } repliedAt)
        {
            return WriteOutcome<Guid>.Conflict("The item was replied to.", $"Item {id} was replied to on {repliedAt:O}: its deadline is met.");
        }

        var errors = Validate(request, BeijingCalendar.DayOf(current.ClockStartedAt), BeijingCalendar.DayOf(now));
        if (errors.Count > 0)
        {
            return WriteOutcome<Guid>.Invalid(errors, InvalidTitle);
        }

        EnumNames.TryParse<ExplanationChannel>(request.Channel, out var channel);
        var explanation = new ProgressExplanationRow
        {
            Id = NewId.NextGuid(),
            Round = current.Round,
            UnitCode = current.UnitCode,
            Channel = channel.ToString(),
            ExplainedOn = request.ExplainedOn!.Value,
            Account = request.Account!.Trim(),
            By = caller.Name,
            RecordedAt = now,
        };
        await AssignmentRepository.AddExplanationAsync(work, id, explanation, caller.Id, cancellationToken);
        step.Audit.Set("progressExplainedOn", explanation.ExplainedOn).Set("channel", explanation.Channel).Set("round", explanation.Round);
        await work.PublishAsync(
            new ProgressExplained(id, explanation.Id, current.UnitCode, current.Round, channel, explanation.ExplainedOn, caller.Name, now), cancellationToken);
        return WriteOutcome<Guid>.Done(id);
    }

    /// <summary>The explanation's own checks: a channel, a Beijing day between the assignment's and today, what was said.</summary>
    public static Dictionary<string, string[]> Validate(ProgressExplanationRequest request, DateOnly assignedOn, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (!EnumNames.TryParse<ExplanationChannel>(request.Channel, out _))
        {
            errors["channel"] = [string.IsNullOrWhiteSpace(request.Channel)
                ? $"channel is required: one of {EnumNames.List<ExplanationChannel>()}."
                : $"'{request.Channel}' is not a valid channel: use one of {EnumNames.List<ExplanationChannel>()}."];
        }

        if (request.ExplainedOn is not { } day)
        {
            errors["explainedOn"] = ["The day the progress was explained is required (yyyy-MM-dd, in Beijing)."];
        }
        else if (day > today)
        {
            errors["explainedOn"] = [$"{Day(day)} is in the future: record an explanation once it was given."];
        }
        else if (day < assignedOn)
        {
            errors["explainedOn"] = [$"{Day(day)} is before the item was assigned on {Day(assignedOn)}."];
        }

        Problems.Require(errors, "account", request.Account, "Say what the submitter was told of the progress.", TextLimits.Note);
        return errors;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
