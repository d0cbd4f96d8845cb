using ProposalPlatform.Contracts;

namespace ProposalPlatform.Reply.Domain;

/// <summary>Where the current draft version stands in the sign-off chain.</summary>
public enum SignOffStatus
{
    NotSubmitted = 1,
    AwaitingUnitHead = 2,
    AwaitingProposalOffice = 3,
    SentBack = 4,
    SignedOff = 5,
}

/// <summary>One recorded step of the chain.</summary>
public sealed record SignOffEntry(
    SignOffStep Step,
    bool Approved,
    string By,
    string? Comments,
    DateTimeOffset At,
    PublicationDecision? Publication = null,
    string? Summary = null,
    string? ById = null);

/// <summary>A step as the client sends it: decision is Approve or SendBack (the handler always submits). Who signs is the caller.</summary>
public sealed record SignOffSubmission(
    int? DraftVersion, string? Step, string? Decision, string? Comments = null, string? Publication = null, string? Summary = null);

/// <param name="By">The signer's name, from the access token.</param>
/// <param name="ById">The signer's person id, from the access token: one person takes one step of a chain.</param>
public sealed record SignOffRequest(
    int DraftVersion, SignOffStep Step, bool Approved, string By, string? Comments, PublicationDecision? Publication, string? Summary,
    string ById = "");

/// <summary>Why a state change is refused (409).</summary>
public sealed record Refusal(string Title, string Detail);

/// <summary>
/// The chain a draft version passes: the handler submits it, the unit head approves it and, for a key
/// item, the proposal office approves it after the unit head. A send-back returns the draft to the
/// handler; each draft version is signed off on its own, so a new version starts the chain again.
/// </summary>
public static class SignOffRules
{
    public const int MaxCommentsLength = 4_000;
    public const int MaxNameLength = 200;

    public static SignOffStatus StatusOf(IReadOnlyList<SignOffEntry> entries, bool isKeyItem)
    {
        if (entries.Count == 0)
        {
            return SignOffStatus.NotSubmitted;
        }

        var last = entries[^1];
        if (!last.Approved)
        {
            return SignOffStatus.SentBack;
        }

        return last.Step switch
        {
            SignOffStep.Handler => SignOffStatus.AwaitingUnitHead,
            SignOffStep.UnitHead => isKeyItem ? SignOffStatus.AwaitingProposalOffice : SignOffStatus.SignedOff,
            _ => SignOffStatus.SignedOff,
        };
    }

    /// <summary>The step the chain waits for, or null when the version is signed off.</summary>
    public static SignOffStep? ExpectedStep(SignOffStatus status) => status switch
    {
        SignOffStatus.NotSubmitted or SignOffStatus.SentBack => SignOffStep.Handler,
        SignOffStatus.AwaitingUnitHead => SignOffStep.UnitHead,
        SignOffStatus.AwaitingProposalOffice => SignOffStep.ProposalOffice,
        _ => null,
    };

    /// <summary>The step that decides on publication: the unit head, or the proposal office for a key item.</summary>
    public static SignOffStep DecidingStep(bool isKeyItem) => isKeyItem ? SignOffStep.ProposalOffice : SignOffStep.UnitHead;

    /// <summary>The publication decided for a signed-off version, with the summary when it is published as one.</summary>
    public static (PublicationDecision Decision, string? Summary)? PublicationOf(IReadOnlyList<SignOffEntry> entries, bool isKeyItem)
    {
        if (StatusOf(entries, isKeyItem) != SignOffStatus.SignedOff)
        {
            return null;
        }

        var deciding = entries.LastOrDefault(e => e.Approved && e.Step == DecidingStep(isKeyItem) && e.Publication is not null);
        return deciding is null ? null : (deciding.Publication!.Value, deciding.Summary);
    }

    /// <summary>
    /// What issuing the signed-off <paramref name="draftText"/> would publish: the decision, and the full
    /// text or the summary with contact details removed (null when not public). Signed off without a
    /// recorded decision only when the chain's shape changed under it: nothing is published then.
    /// </summary>
    public static (PublicationDecision Decision, string? PublicText) PublicTextOf(IReadOnlyList<SignOffEntry> entries, bool isKeyItem, string draftText)
    {
        var (publication, summary) = PublicationOf(entries, isKeyItem) ?? (PublicationDecision.NotPublic, null);
        return (publication, publication switch
        {
            PublicationDecision.FullText => ContactDetailsRedactor.Redact(draftText),
            PublicationDecision.Summary when summary is not null => ContactDetailsRedactor.Redact(summary),
            _ => null,
        });
    }

    /// <summary>The step as the domain reads it; who takes it (<see cref="SignOffRequest.By"/>) is the caller's, set by the use case.</summary>
    public static (SignOffRequest? Request, Dictionary<string, string[]> Errors) Validate(SignOffSubmission submission)
    {
        var errors = new Dictionary<string, string[]>();
        if (submission.DraftVersion is not > 0)
        {
            errors["draftVersion"] = ["The draft version being signed off is required (a positive number)."];
        }

        var hasStep = EnumNames.TryParse<SignOffStep>(submission.Step, out var step);
        if (!hasStep)
        {
            errors["step"] = [$"The step is required: one of {EnumNames.List<SignOffStep>()}."];
        }

        bool? approved = submission.Decision?.Trim().ToUpperInvariant() switch
        {
            "APPROVE" => true,
            "SENDBACK" => false,
            _ => null,
        };
        if (approved is null)
        {
            errors["decision"] = ["The decision is required: Approve or SendBack."];
        }
        else if (hasStep && step == SignOffStep.Handler && approved == false)
        {
            errors["decision"] = ["The handler submits the draft (Approve); only the unit head and the proposal office send it back."];
        }

        if (approved == false && string.IsNullOrWhiteSpace(submission.Comments))
        {
            errors["comments"] = ["A send-back needs comments for the handler."];
        }
        else if (submission.Comments?.Length > MaxCommentsLength)
        {
            errors["comments"] = [$"At most {MaxCommentsLength} characters."];
        }

        PublicationDecision? publication = null;
        if (!string.IsNullOrWhiteSpace(submission.Publication))
        {
            if (!EnumNames.TryParse<PublicationDecision>(submission.Publication, out var parsed))
            {
                errors["publication"] = [$"'{submission.Publication}' is not a publication decision: use {EnumNames.List<PublicationDecision>()}."];
            }
            else if (hasStep && step == SignOffStep.Handler)
            {
                errors["publication"] = ["The handler does not decide on publication; the unit head (or the proposal office for a key item) does."];
            }
            else if (approved == false)
            {
                errors["publication"] = ["Publication is decided when approving, not when sending back."];
            }
            else
            {
                publication = parsed;
            }
        }

        if (publication == PublicationDecision.Summary && string.IsNullOrWhiteSpace(submission.Summary))
        {
            errors["summary"] = ["A reply published as a summary needs the summary's text."];
        }
        else if (submission.Summary?.Length > ReplyRules.MaxDraftLength)
        {
            errors["summary"] = [$"At most {ReplyRules.MaxDraftLength} characters."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new SignOffRequest(
            submission.DraftVersion!.Value, step, approved!.Value, "",
            string.IsNullOrWhiteSpace(submission.Comments) ? null : submission.Comments.Trim(),
            publication,
            publication == PublicationDecision.Summary ? submission.Summary!.Trim() : null), errors);
    }

    /// <summary>
    /// Field errors that depend on the item: the deciding step must give the publication decision,
    /// any other step may not.
    /// </summary>
    public static Dictionary<string, string[]> ValidatePublication(ReplyCase reply, SignOffRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Step == SignOffStep.Handler || !request.Approved)
        {
            return errors;
        }

        var deciding = DecidingStep(reply.IsKeyItem);
        if (request.Step == deciding && request.Publication is null)
        {
            errors["publication"] = [$"The {deciding} decides on publication when approving: FullText, Summary or NotPublic."];
        }
        else if (request.Step != deciding && request.Publication is not null)
        {
            errors["publication"] = [$"Item {reply.ProposalId} is a key item: the {deciding} decides on publication, not the {request.Step}."];
        }

        return errors;
    }

    /// <summary>Why the step may not be recorded now, or null when it may.</summary>
    public static Refusal? RefuseSignOff(ReplyCase reply, SignOffRequest request)
    {
        if (ReplyRules.RefuseWork(reply) is { } refusal)
        {
            return refusal;
        }

        if (reply.DraftVersion is null)
        {
            return new Refusal(ReplyRules.DraftMissingTitle, $"Item {reply.ProposalId} has no draft in round {reply.Round} to sign off.");
        }

        if (request.DraftVersion != reply.DraftVersion)
        {
            return new Refusal(
                "The draft version is not the current one.",
                $"Draft version {request.DraftVersion} of item {reply.ProposalId} is not the current one; the current version of round {reply.Round} is {reply.DraftVersion}.");
        }

        var status = reply.SignOffStatus;
        if (ExpectedStep(status) is not { } expected)
        {
            return new Refusal("The draft is already signed off.", $"Draft version {reply.DraftVersion} of item {reply.ProposalId} is signed off; save a new version to change it.");
        }

        if (request.Step != expected)
        {
            return new Refusal(
                "The sign-off is at another step.",
                $"Draft version {reply.DraftVersion} of item {reply.ProposalId} is {Describe(status)}: the next step is {expected}, not {request.Step}.");
        }

        if (reply.SignOffs.FirstOrDefault(e => e.ById is { Length: > 0 } id && id == request.ById && e.Step != request.Step) is { } earlier)
        {
            return new Refusal(
                "One person takes one step of a sign-off chain.",
                $"{request.By} already took the {earlier.Step} step of draft version {reply.DraftVersion} of item {reply.ProposalId}; the {request.Step} step is someone else's.");
        }

        if (expected == SignOffStep.Handler && reply.OutstandingOpinions.Count > 0)
        {
            return new Refusal(
                "Co-handling opinions are outstanding.",
                $"Item {reply.ProposalId} still waits for the written opinion of {string.Join(", ", reply.OutstandingOpinions)}; the draft can be submitted for sign-off once every co-handler's opinion is attached.");
        }

        return null;
    }

    public static string Describe(SignOffStatus status) => status switch
    {
        SignOffStatus.NotSubmitted => "not submitted for sign-off",
        SignOffStatus.AwaitingUnitHead => "awaiting the unit head",
        SignOffStatus.AwaitingProposalOffice => "awaiting the proposal office",
        SignOffStatus.SentBack => "sent back to the handler",
        _ => "signed off",
    };
}
