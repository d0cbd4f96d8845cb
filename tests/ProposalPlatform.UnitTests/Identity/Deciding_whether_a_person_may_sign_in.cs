using ProposalPlatform.Identity.Domain;

namespace ProposalPlatform.UnitTests.Identity;

public class Deciding_whether_a_person_may_sign_in
{
    [Fact]
    public void A_handler_without_a_second_factor_may()
    {
        Assert.Equal(SignInRefusal.None, SignInRules.Check(new PersonStanding(Disabled: false, LockedOut: false, RequiresSecondFactor: false, TwoFactorEnabled: false)));
    }

    [Fact]
    public void An_office_account_with_an_authenticator_may()
    {
        Assert.Equal(SignInRefusal.None, SignInRules.Check(new PersonStanding(false, false, RequiresSecondFactor: true, TwoFactorEnabled: true)));
    }

    [Fact]
    public void An_office_account_without_an_authenticator_may_not()
    {
        Assert.Equal(SignInRefusal.SecondFactorMissing, SignInRules.Check(new PersonStanding(false, false, RequiresSecondFactor: true, TwoFactorEnabled: false)));
    }

    [Fact]
    public void A_locked_out_person_may_not()
    {
        Assert.Equal(SignInRefusal.LockedOut, SignInRules.Check(new PersonStanding(false, LockedOut: true, false, false)));
    }

    [Fact]
    public void A_disabled_person_may_not_and_is_told_so_before_a_lockout()
    {
        Assert.Equal(SignInRefusal.Disabled, SignInRules.Check(new PersonStanding(Disabled: true, LockedOut: true, true, false)));
    }

    [Fact]
    public void Every_refusal_is_described_in_ascii_as_oauth_errors_must_be()
    {
        Assert.All(Enum.GetValues<SignInRefusal>(), refusal =>
            Assert.All(SignInRules.Describe(refusal), c => Assert.True(c is >= ' ' and <= '~' and not '"' and not '\\')));
    }
}
