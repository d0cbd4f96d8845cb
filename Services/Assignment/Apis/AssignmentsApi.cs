using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Assignment.Data;

namespace ProposalPlatform.Assignment.Apis;

public static class AssignmentsApi
{
    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/assignment/assignments").WithTags("Assignments");

        api.MapGet("/{proposalId:guid}", GetAssignment)
            .WithName("GetAssignment")
            .WithSummary("The unit an item is assigned to and when its reply is due");

        return app;
    }

    public static async Task<Results<Ok<AssignmentRecord>, ProblemHttpResult>> GetAssignment(
        Guid proposalId, AssignmentRepository assignments, CancellationToken cancellationToken)
    {
        var assignment = await assignments.FindAsync(proposalId, cancellationToken);
        return assignment is null
            ? TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "The item is not assigned.",
                Detail = $"No assignment exists for item {proposalId}: it is unknown or not yet assigned.",
            })
            : TypedResults.Ok(assignment);
    }
}
