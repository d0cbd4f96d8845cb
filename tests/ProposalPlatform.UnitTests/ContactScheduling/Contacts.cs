using ProposalPlatform.ContactScheduling.Domain;

namespace ProposalPlatform.UnitTests.ContactScheduling;

/// <summary>A contact that passes every check; each test changes the one field it is about.</summary>
internal static class Contacts
{
    public static readonly DateTimeOffset Now = new(2026, 4, 20, 10, 0, 0, TimeSpan.FromHours(8));

    public static ContactSubmission Valid() => new(
        Channel: "Phone",
        OccurredAt: Now.AddHours(-2),
        Outcome: "ReachedAndAgreed",
        Handler: "Wang Fang",
        Notes: "The deputy agreed with the proposed handling.");
}
