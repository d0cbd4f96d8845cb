using System.Security.Claims;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Data;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.Assignment.Application;

/// <summary>The rule <paramref name="Id"/> as it is to be.</summary>
public sealed record RuleReplacement(int Id, RuleRequest Rule);

/// <summary>The proposal office replaces a routing rule; items already assigned stay where they are.</summary>
public sealed class UpdateRuleHandler(WritePath path) : WriteHandler<RuleReplacement, RoutingRule>(path)
{
    public override string InvalidTitle => "The rule is not valid.";

    // no Validate: a rule's units are checked against the registry, with its other fields, in one answer

    public override async Task<WriteOutcome<RoutingRule>> ApplyAsync(WriteStep<RuleReplacement, ClaimsPrincipal> step, CancellationToken cancellationToken)
    {
        var (work, _, _, (id, request), _, _) = step;
        List<(string, RuleRequest)> written = [(string.Empty, request)];
        var errors = RuleRequests.Validate(written, await UnitRepository.UnknownAsync(work, RuleRequests.UnitCodesOf(written), cancellationToken));
        if (errors.Count > 0)
        {
            return WriteOutcome<RoutingRule>.Invalid(errors, InvalidTitle);
        }

        var rule = request.ToRule(id);
        step.Audit.Set("rule", id).Set("keyword", rule.Keyword).Set("unit", rule.UnitCode);
        return await RuleRepository.UpdateAsync(work, rule, cancellationToken) switch
        {
            RuleWrite.Missing => WriteOutcome<RoutingRule>.Refused(Problems.NoSuchRule(id)),
            RuleWrite.Duplicate => WriteOutcome<RoutingRule>.Conflict("The rule exists.", $"Another rule already sends '{rule.Keyword}' to {rule.UnitCode}."),
            _ => WriteOutcome<RoutingRule>.Done(rule),
        };
    }
}
