using System.Security.Claims;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.Assignment.Application;

/// <summary>The proposal office adds a routing rule: new items whose topic or a tag contains the keyword go to its lead unit, with its co-handling units.</summary>
public sealed class CreateRuleHandler(WritePath path) : WriteHandler<RuleRequest, RoutingRule>(path)
{
    public override string InvalidTitle => "The rule is not valid.";

    // no Validate: a rule's units are checked against the registry, with its other fields, in one answer

    public override async Task<WriteOutcome<RoutingRule>> ApplyAsync(WriteStep<RuleRequest, ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        var (work, _, _, request, _, _) = step;
        List<(string, RuleRequest)> written = [(string.Empty, request)];
        var errors = RuleRequests.Validate(written, await UnitRepository.UnknownAsync(work, RuleRequests.UnitCodesOf(written), cancellationToken));
        if (errors.Count > 0)
        {
            return WriteOutcome<RoutingRule>.Invalid(errors, InvalidTitle);
        }

        return await RuleRepository.CreateAsync(work, request.ToRule(0), cancellationToken) is { } created
            ? Noted(step, created)
            : WriteOutcome<RoutingRule>.Conflict("The rule exists.", $"A rule already sends '{request.Keyword!.Trim()}' to {request.UnitCode!.Trim()}: change that one.");
    }

    private static WriteOutcome<RoutingRule> Noted(WriteStep<RuleRequest, ClaimsPrincipal> step, RoutingRule created)
    {
        step.Audit.Set("rule", created.Id).Set("keyword", created.Keyword).Set("unit", created.UnitCode);
        return WriteOutcome<RoutingRule>.Done(created);
    }
}
