using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;

namespace ProposalPlatform.ContactScheduling.Apis;

/// <summary>The ProblemDetails the contact endpoints and use cases answer with.</summary>
public static class Problems
{
    public static ProblemDetails Status(int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    public static ProblemDetails Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Status(StatusCodes.Status409Conflict, title, detail, extensions);

    public static ProblemDetails NoContact(Guid contactId) =>
        Status(StatusCodes.Status404NotFound, "No such contact.", $"Contact {contactId} is unknown here, or not yours to see.");

    public static ProblemDetails Returned(ContactTaskRecord task) => Conflict(
        "The item was returned to the assigning office.",
        $"Item {task.ProposalId} was returned at {task.ClosedAt:O} ({task.ClosedReason}); its contact task is closed and takes no more contacts.");

    public static ProblemDetails SubmittersUnknown(Guid proposalId) => Conflict(
        "The item's submitters are not known yet.",
        $"Item {proposalId}'s registration (its submitters and their place) has not reached contact scheduling yet; try again shortly.");

    public static ProblemDetails Refused(Guid contactId, string reason) =>
        Conflict("The contact cannot change that way.", $"Contact {contactId}: {reason}");

    /// <summary>A 409 that names the clashing contact: its id, its item and its time.</summary>
    public static ProblemDetails Clashes(Clash clash)
    {
        var who = clash.Kind == ClashKind.Handler ? $"handler {clash.With.Handler}" : $"submitter {clash.With.SubmitterName}";
        return Conflict(
            "The time clashes with another planned contact.",
            $"The {who} is already booked from {clash.With.Start:O} to {clash.With.End:O} in contact {clash.With.ContactId} of item {clash.With.ProposalId}.",
            new Dictionary<string, object?>
            {
                ["clashingContactId"] = clash.With.ContactId,
                ["clashingProposalId"] = clash.With.ProposalId,
                ["clashingStart"] = clash.With.Start,
                ["clashingEnd"] = clash.With.End,
                ["clashOn"] = clash.Kind.ToString(),
            });
    }

    public static ProblemDetails DistrictsUnavailable() => Status(
        StatusCodes.Status503ServiceUnavailable,
        "The districts cannot be looked up now.",
        "The assignment service, which knows which district covers which place, did not answer; nothing was planned. Try again shortly.");

    public static ProblemDetails NoDistrictCovers(ItemSubmitters submitters) => Status(
        StatusCodes.Status422UnprocessableEntity,
        "No district covers the submitter's place.",
        $"No customs district covers {submitters.Province} {submitters.City}, where the submitter lives: the visit cannot be entrusted. Plan another channel.");

    public static ProblemDetails NotYourDistrict(string unitCode, string district) => Status(
        StatusCodes.Status403Forbidden,
        "Another district's task.",
        $"District {unitCode} may see and act on the tasks entrusted to it only, not those of {district}.");

    /// <summary>The field and message of a contact with someone who is neither the item's lead submitter nor a co-signer.</summary>
    public static (string Field, string Message) NotASubmitter(ItemSubmitters submitters) => (
        "submitterName",
        $"Not a submitter of the item: the lead submitter is {submitters.LeadSubmitterName}"
        + (submitters.CoSignerNames.Count > 0 ? $", the co-signers are {string.Join(", ", submitters.CoSignerNames)}." : " and there are no co-signers."));

    public static ValidationProblem Invalid(string field, string message, string title = "The request is not valid.") =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: title);
}
