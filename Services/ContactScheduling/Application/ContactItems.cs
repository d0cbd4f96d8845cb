using ProposalPlatform.ContactScheduling.Apis;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Infrastructure.Application;
using ProposalPlatform.Infrastructure.Authorization;

namespace ProposalPlatform.ContactScheduling.Application;

/// <summary>What the contact use cases and reads share of who an item's contacts are for.</summary>
public static class ContactItems
{
    /// <summary>What contact scheduling knows of who may see and handle an item: the unit its contact task belongs to.</summary>
    public static ItemParties PartiesOf(ContactTaskRecord task) => new(task.UnitCode, []);

    /// <summary>The visit is entrusted to the caller's district.</summary>
    public static bool IsEntrustedTo(ContactRow contact, Caller caller) =>
        contact.EntrustedUnitCode is { } district && SameUnit(caller.UnitCode ?? "", district);

    /// <summary>Unit codes as the districts' officers and the entrusting unit write them: trimmed, in any case.</summary>
    public static bool SameUnit(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The 400 of a contact with someone who is not a submitter of the item (under the general title, as it always was).</summary>
    public static WriteOutcome<T> NotASubmitter<T>(ItemSubmitters submitters)
    {
        var (field, message) = Problems.NotASubmitter(submitters);
        return WriteOutcome<T>.Invalid(field, message, "The request is not valid.");
    }
}
