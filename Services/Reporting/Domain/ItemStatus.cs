namespace ProposalPlatform.Reporting.Domain;

/// <summary>
/// How far an item has come, from its facts: events arrive in any order, so the status is the furthest
/// point the facts of the open round show, never the last event received.
/// </summary>
public static class ItemStatus
{
    public static string Of(ItemFacts item)
    {
        if (item.Returned)
        {
            return "Returned";
        }

        var round = item.Round;
        if (item.Feedback.FirstOrDefault(f => f.Round == round) is { } feedback)
        {
            return feedback.OnResult == Contracts.SatisfactionLevel.Dissatisfied ? "Dissatisfied" : "Satisfied";
        }

        if (item.ReHandlingRounds.Contains(round))
        {
            return "Dissatisfied";
        }

        if (item.Replies.Any(r => r.Round == round))
        {
            return "Replied";
        }

        if (item.Completions.Any(c => c.Round == round))
        {
            return "ContactCompleted";
        }

        return item.LeadUnit is null ? "Registered" : round > 1 ? "ReHandling" : "Assigned";
    }
}
