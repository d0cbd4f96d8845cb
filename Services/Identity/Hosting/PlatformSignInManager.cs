using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProposalPlatform.Identity.Data;
using ProposalPlatform.Identity.Domain;

namespace ProposalPlatform.Identity.Hosting;

/// <summary>The outcome of the password step of a sign-in.</summary>
public enum PasswordStep
{
    SignedIn,
    SecondFactorNeeded,
    WrongPassword,
    LockedOut,
    Disabled,
    SecondFactorMissing,
}

/// <summary>
/// ASP.NET Core Identity's sign-in, with the platform's rules: a disabled person cannot sign in, and a
/// proposal office account without an authenticator is refused after its password was checked.
/// </summary>
public sealed class PlatformSignInManager(
    UserManager<PlatformUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PlatformUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PlatformUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PlatformUser> confirmation)
    : SignInManager<PlatformUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PlatformUser user) =>
        !user.Disabled && await base.CanSignInAsync(user);

    /// <summary>Checks the password (a wrong one counts towards the lockout), then starts the session or its second step.</summary>
    public async Task<PasswordStep> SignInWithPasswordAsync(PlatformUser user, string password)
    {
        var checkedPassword = await CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (checkedPassword.IsNotAllowed)
        {
            return PasswordStep.Disabled;
        }

        if (checkedPassword.IsLockedOut)
        {
            return PasswordStep.LockedOut;
        }

        if (!checkedPassword.Succeeded)
        {
            return PasswordStep.WrongPassword;
        }

        if (SignInRules.Check(await StandingAsync(UserManager, user)) == SignInRefusal.SecondFactorMissing)
        {
            return PasswordStep.SecondFactorMissing;
        }

        var session = await SignInOrTwoFactorAsync(user, isPersistent: false);
        return session.RequiresTwoFactor ? PasswordStep.SecondFactorNeeded : PasswordStep.SignedIn;
    }

    /// <summary>What the sign-in rules need to know of a person now.</summary>
    public static async Task<PersonStanding> StandingAsync(UserManager<PlatformUser> users, PlatformUser user) => new(
        user.Disabled,
        await users.IsLockedOutAsync(user),
        RoleRules.RequiresSecondFactor(await users.GetRolesAsync(user)),
        await users.GetTwoFactorEnabledAsync(user));
}
