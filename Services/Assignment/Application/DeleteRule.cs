using System.Security.Claims;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.Assignment.Application;

/// <summary>The proposal office removes a routing rule (by its id); items already assigned stay where they are. Answers the id.</summary>
public sealed class DeleteRuleHandler(WritePath path) : WriteHandler<int, int>(path)
{
    public override string InvalidTitle => "The rule is not valid.";

    public override async Task<WriteOutcome<int>> ApplyAsync(WriteStep<int, ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        step.Audit.Set("rule", step.Request);
        return await RuleRepository.DeleteAsync(step.Work, step.Request, cancellationToken)
            ? WriteOutcome<int>.Done(step.Request)
            : WriteOutcome<int>.Refused(Problems.NoSuchRule(step.Request));
    }
}
