namespace ProposalPlatform.Intake.Domain;

/// <summary>Who raised an item or co-signed it.</summary>
public enum SubmitterKind
{
    /// <summary>An NPC deputy (代表).</summary>
    Deputy = 1,
    /// <summary>A CPPCC member (委员).</summary>
    Member = 2,
    /// <summary>A party, people's organisation, sector or special committee.</summary>
    Organisation = 3,
}
