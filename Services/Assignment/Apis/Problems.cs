using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ProposalPlatform.Assignment.Apis;

/// <summary>The ProblemDetails the assignment endpoints answer with.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = title, Detail = detail });

    public static ProblemHttpResult Conflict(string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "This operation is not yours to do.", Detail = detail });

    public static ProblemHttpResult NotAssigned(Guid proposalId) =>
        NotFound("The item is not assigned.", $"No assignment exists for item {proposalId}: it is unknown or not yet assigned.");

    public static ProblemHttpResult AlreadyReturned(Guid proposalId) =>
        Conflict("The item was returned.", $"Item {proposalId} went back to the assigning office; it can no longer be changed here.");

    /// <summary>Adds an error for a required text field that is missing or blank.</summary>
    public static void Require(Dictionary<string, string[]> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [message];
        }
    }
}
