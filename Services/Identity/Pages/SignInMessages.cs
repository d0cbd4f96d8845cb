using ProposalPlatform.Identity.Hosting;

namespace ProposalPlatform.Identity.Pages;

/// <summary>What the sign-in pages tell a person, Chinese first.</summary>
public static class SignInMessages
{
    public const string MissingFields = "请输入用户名和密码。Enter your user name and password.";
    public const string MissingCode = "请输入验证码。Enter the code.";
    public const string WrongPassword = "用户名或密码错误。连续输错 5 次，账号将被锁定 15 分钟。Wrong user name or password.";
    public const string LockedOut = "登录失败次数过多，账号已被锁定 15 分钟，请稍后再试或联系建议提案办理处管理员。The account is locked out for 15 minutes.";
    public const string Disabled = "该账号已停用，不能登录。如有疑问请联系建议提案办理处管理员。The account is disabled.";
    public const string SecondFactorMissing = "建议提案办理处的账号必须启用双重验证（身份验证器），该账号尚未启用，不能登录。请联系管理员重新开通。An office account needs an authenticator.";
    public const string WrongCode = "验证码或恢复码不正确，请重试。The code is not correct.";

    public static string For(PasswordStep step) => step switch
    {
        PasswordStep.LockedOut => Html.Error("locked-out", LockedOut),
        PasswordStep.Disabled => Html.Error("disabled", Disabled),
        PasswordStep.SecondFactorMissing => Html.Error("second-factor-missing", SecondFactorMissing),
        _ => Html.Error("wrong-password", WrongPassword),
    };
}
