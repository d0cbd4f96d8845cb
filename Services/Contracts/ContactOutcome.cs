namespace ProposalPlatform.Contracts;

/// <summary>What came of a contact with a submitter.</summary>
public enum ContactOutcome
{
    /// <summary>The submitter was reached and agreed with the unit's account.</summary>
    ReachedAndAgreed = 1,
    /// <summary>The submitter was reached and asked for the reply to be given face to face.</summary>
    FaceToFaceRequested = 2,
    Unreachable = 3,
    Declined = 4,
}
