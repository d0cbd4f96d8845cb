using Microsoft.AspNetCore.Http.HttpResults;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.Assignment.Apis;

public static class UnitsApi
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/assignment/units").WithTags("Units");

        api.MapGet("/", ListUnits)
            .WithName("ListUnits")
            .WithSummary("The handling units: headquarters departments and customs districts");

        return app;
    }

    public static async Task<Ok<IReadOnlyList<HandlingUnit>>> ListUnits(AssignmentRepository assignments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await assignments.UnitsAsync(cancellationToken));
}
