namespace ProposalPlatform.Contracts;

/// <summary>Whether and how a reply is published, decided at sign-off.</summary>
public enum PublicationDecision
{
    FullText = 1,
    Summary = 2,
    NotPublic = 3,
}
