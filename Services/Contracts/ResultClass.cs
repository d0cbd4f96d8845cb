namespace ProposalPlatform.Contracts;

/// <summary>The result class a formal reply carries.</summary>
public enum ResultClass
{
    /// <summary>Solved or basically solved.</summary>
    A = 1,
    /// <summary>Being solved or planned.</summary>
    B = 2,
    /// <summary>To be solved later because of present constraints.</summary>
    C = 3,
    /// <summary>Kept for reference.</summary>
    D = 4,
}
