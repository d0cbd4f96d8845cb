using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;

namespace ProposalPlatform.ContactScheduling.Apis;

/// <summary>The ProblemDetails the contact endpoints answer with.</summary>
public static class Problems
{
    public static ProblemHttpResult Status(int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Status(StatusCodes.Status409Conflict, title, detail, extensions);

    public static ProblemHttpResult NoTask(Guid proposalId) => Status(
        StatusCodes.Status404NotFound,
        "No contact task for this item.",
        $"Item {proposalId} is unknown or not yet assigned; its contact task opens when it is assigned.");

    public static ProblemHttpResult NoContact(Guid contactId) =>
        Status(StatusCodes.Status404NotFound, "No such contact.", $"Contact {contactId} is unknown here, or not yours to see.");

    public static ProblemHttpResult Returned(ContactTaskRecord task) => Conflict(
        "The item was returned to the assigning office.",
        $"Item {task.ProposalId} was returned at {task.ClosedAt:O} ({task.ClosedReason}); its contact task is closed and takes no more contacts.");

    public static ProblemHttpResult SubmittersUnknown(Guid proposalId) => Conflict(
        "The item's submitters are not known yet.",
        $"Item {proposalId}'s registration (its submitters and their place) has not reached contact scheduling yet; try again shortly.");

    public static ProblemHttpResult Refused(Guid contactId, string reason) =>
        Conflict("The contact cannot change that way.", $"Contact {contactId}: {reason}");

    /// <summary>A 409 that names the clashing contact: its id, its item and its time.</summary>
    public static ProblemHttpResult Clashes(Clash clash)
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

    public static ProblemHttpResult NotYourDistrict(string unitCode, string district) => Status(
        StatusCodes.Status403Forbidden,
        "Another district's task.",
        $"District {unitCode} may see and act on the tasks entrusted to it only, not those of {district}.");

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors, string title = "The request is not valid.") =>
        TypedResults.ValidationProblem(errors, title: title);

    public static ValidationProblem Invalid(string field, string message, string title = "The request is not valid.") =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, title);
}
