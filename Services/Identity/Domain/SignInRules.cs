namespace ProposalPlatform.Identity.Domain;

/// <summary>What the platform knows of a person when they sign in, or when a client uses their refresh token.</summary>
public readonly record struct PersonStanding(bool Disabled, bool LockedOut, bool RequiresSecondFactor, bool TwoFactorEnabled);

public enum SignInRefusal
{
    None,
    Disabled,
    LockedOut,
    SecondFactorMissing,
}

public static class SignInRules
{
    /// <summary>
    /// Why a person may not have a session or a token now, the most lasting reason first; the same
    /// answer at the sign-in page, at the authorization endpoint and at every refresh.
    /// </summary>
    public static SignInRefusal Check(PersonStanding person) => person switch
    {
        { Disabled: true } => SignInRefusal.Disabled,
        { LockedOut: true } => SignInRefusal.LockedOut,
        { RequiresSecondFactor: true, TwoFactorEnabled: false } => SignInRefusal.SecondFactorMissing,
        _ => SignInRefusal.None,
    };

    /// <summary>The OAuth error description of a refusal (the protocol allows ASCII only there).</summary>
    public static string Describe(SignInRefusal refusal) => refusal switch
    {
        SignInRefusal.Disabled => "The account is disabled.",
        SignInRefusal.LockedOut => "The account is locked out after too many failed sign-in attempts.",
        SignInRefusal.SecondFactorMissing => "A proposal office account must have an authenticator (second factor) enabled.",
        _ => "The account may sign in.",
    };
}
