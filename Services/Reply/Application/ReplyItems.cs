using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Reply.Domain;

namespace ProposalPlatform.Reply.Application;

public static class ReplyItems
{
    /// <summary>Who may see and act on the item: its lead unit and co-handlers, once it is assigned (or, for <paramref name="returnedToo"/>, returned).</summary>
    public static ItemParties? PartiesOf(ReplyCase reply, bool returnedToo = false) =>
        reply.AssignedAt is not null || (returnedToo && reply.ReturnedAt is not null)
            ? new ItemParties(reply.UnitCode, reply.CoHandlerUnits)
            : null;
}
