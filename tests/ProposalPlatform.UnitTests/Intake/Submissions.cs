using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

/// <summary>A submission that passes every check; each test changes the one field it is about.</summary>
internal static class Submissions
{
    public const int CurrentYear = 2026;

    public static ProposalSubmission Valid() => new(
        Kind: "Suggestion",
        Session: new SessionInput(Year: 2020, Term: 13, Meeting: 3),
        Number: 1234,
        Title: "关于加强口岸卫生检疫的建议",
        Text: "The full text of the suggestion.",
        LeadSubmitter: new SubmitterInput(Name: "Zhang Wei", Delegation: "Guangdong delegation", Province: "Guangdong", City: "Shenzhen"),
        Topic: "health quarantine");
}
