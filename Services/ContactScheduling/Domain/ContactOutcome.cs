namespace ProposalPlatform.ContactScheduling.Domain;

/// <summary>What came of a contact with the submitter.</summary>
public enum ContactOutcome
{
    /// <summary>The submitter was reached and the unit's handling was agreed.</summary>
    ReachedAndAgreed = 1,
    /// <summary>The submitter was reached and asked for the reply face to face.</summary>
    FaceToFaceRequested = 2,
    Unreachable = 3,
    Declined = 4,
}
