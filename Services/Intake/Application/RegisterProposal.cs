using System.Security.Claims;
using MassTransit;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Intake.Apis;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;
using ProposalPlatform.Intake.Workers;

namespace ProposalPlatform.Intake.Application;

/// <summary>An item as registered: the stored item's view, and whether this registration created it.</summary>
public sealed record RegisteredProposal(ProposalView View, bool Created);

/// <summary>
/// The office, or a district for the local items it received (as itself and no one else), registers
/// an item, which publishes ProposalRegistered. The same kind, session and number again answers the
/// stored item to a caller who may read it, and "the number is taken" to anyone else.
/// </summary>
public sealed class RegisterProposalHandler(WritePath path, ItemGuard guard, ProposalRepository proposals, IndexingSignal indexing)
    : WriteHandler<ProposalSubmission, RegisteredProposal>(path)
{
    public override string InvalidTitle => "The item is not valid.";

    // no Validate: a district claiming another district's item is refused before its fields are looked at

    public override async Task<WriteOutcome<RegisteredProposal>> ApplyAsync(WriteStep<ProposalSubmission, ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        var (work, _, user, submission, caller, now) = step;
        if (!caller.IsOffice && caller.UnitCode is { } district)
        {
            if (submission.SubmittingUnitCode is { Length: > 0 } claimed && !string.Equals(claimed.Trim(), district, StringComparison.Ordinal))
            {
                return WriteOutcome<RegisteredProposal>.Refused(
                    StatusCodes.Status403Forbidden, "A district registers items as itself.", $"{district} may not register an item for {claimed}.");
            }

            submission = submission with { SubmittingUnitCode = district };
        }

        var (proposal, errors) = ProposalRules.Validate(submission, now.Year);
        if (proposal is null)
        {
            return WriteOutcome<RegisteredProposal>.Invalid(errors, InvalidTitle);
        }

        var (stored, created) = await proposals.RegisterAsync(work, NewId.NextGuid(), proposal, now, cancellationToken);
        step.Audit.ItemId = stored.Id;
        step.Audit.Set("number", $"{proposal.Kind} {proposal.SessionYear}-{proposal.Number}").Set("submittingUnit", proposal.SubmittingUnitCode)
            .Set("registered", created ? "new" : "already registered");
        if (created)
        {
            await work.PublishAsync(Registered(stored.Id, proposal, now), cancellationToken);
        }
        else if (!await guard.MayReadAsync(user, ProposalsApi.PartiesOf(stored)))
        {
            // the number is someone else's item: say it is taken, and nothing of what it holds
            return WriteOutcome<RegisteredProposal>.Conflict(
                "The number is taken.", $"{proposal.Kind} {proposal.Number} of the {proposal.SessionYear} session is already registered.");
        }

        return WriteOutcome<RegisteredProposal>.Done(new RegisteredProposal(ProposalView.From(stored, proposals.WithContactDetails(stored)), created));
    }

    /// <summary>A new item, once committed, wakes the indexing worker.</summary>
    public override void Committed(RegisteredProposal result)
    {
        if (result.Created)
        {
            indexing.Notify();
        }
    }

    /// <summary>The event of a new item: what routing needs, never a contact detail.</summary>
    public static ProposalRegistered Registered(Guid id, NewProposal p, DateTimeOffset now) => new(
        id, p.Kind, p.SessionYear, p.Number, p.Title, p.Topic, p.SubmitterName, p.Province, p.City, now,
        p.Tags, p.HandlingMode, p.IsKeyItem, p.SupervisingBody, p.AssignedByOfficeAt, p.BatchReference, p.SubmittingUnitCode,
        [.. p.CoSigners.Select(c => c.Name)], p.SessionTerm, p.SessionMeeting);
}
