using ProposalPlatform.Contracts;

namespace ProposalPlatform.Reply.Domain;

/// <summary>
/// What one item's reply letter says, every fact of it: the renderer prints these and looks nothing
/// up. Items handled together (并案) share the signed-off text and each get a letter of their own, with
/// their own number and submitters.
/// </summary>
/// <param name="Number">The letter number (文号), e.g. 署办函〔2026〕15号.</param>
/// <param name="Date">The Beijing day of issue.</param>
/// <param name="LeadSubmitter">Whom the letter is addressed to.</param>
/// <param name="CoSigners">Every co-signer: each is sent the letter too.</param>
/// <param name="Text">The signed-off text, or in the public version the published text (contact details removed).</param>
/// <param name="IsPublic">The public version: published text, no phones.</param>
public sealed record ReplyLetter(
    string Number,
    DateOnly Date,
    LetterItem Item,
    string LeadSubmitter,
    IReadOnlyList<string> CoSigners,
    string Text,
    ResultClass ResultClass,
    Signatory Leader,
    Signatory Handler,
    bool IsPublic = false)
{
    /// <summary>Everyone the letter is sent to: the lead submitter first, then every co-signer.</summary>
    public IReadOnlyList<string> Recipients => [LeadSubmitter, .. CoSigners];

    /// <summary>The version to publish: <paramref name="publicText"/> (contact details already removed) and no phones.</summary>
    public ReplyLetter PublicVersion(string publicText) => this with
    {
        Text = publicText,
        Leader = Leader with { Phone = null },
        Handler = Handler with { Phone = null },
        IsPublic = true,
    };
}

/// <summary>Who answers for the reply, with the phone the submitter may call (none in the public version).</summary>
public sealed record Signatory(string Name, string? Phone);

/// <summary>The item a letter answers, as far as the reply service knows it (an item registered before these facts travelled knows none).</summary>
public sealed record LetterItem(ProposalKind? Kind, int? SessionYear, int? Number, int? SessionTerm = null, int? SessionMeeting = null);
