using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Identity.Data;
using ProposalPlatform.Identity.Domain;
using ProposalPlatform.ServiceDefaults;
using ProposalPlatform.Identity.Hosting;

namespace ProposalPlatform.Identity.Pages;

/// <summary>The sign-in form; any field may be missing, and is then refused with a message rather than a 400.</summary>
public sealed class LoginForm
{
    public string? UserName { get; init; }

    public string? Password { get; init; }

    public string? ReturnUrl { get; init; }
}

public sealed class SecondFactorForm
{
    public string? Code { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>
/// The sign-in pages: user name and password, then the authenticator code (or a recovery code) for
/// accounts with a second factor, then back to the authorization endpoint that sent the person here.
/// Links and redirects are paths only, so the pages work at the gateway's public address.
/// </summary>
public static class AccountPages
{
    public const string LoginPath = "/account/login";
    public const string SecondFactorPath = "/account/login-2fa";

    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("account").ExcludeFromDescription();
        pages.MapGet("login", ShowLogin).WithName("ShowLogin");
        pages.MapPost("login", Login).WithName("Login");
        pages.MapGet("login-2fa", ShowSecondFactor).WithName("ShowSecondFactor");
        pages.MapPost("login-2fa", SecondFactor).WithName("SecondFactor");
        return app;
    }

    public static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "pp.identity";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.LoginPath = LoginPath;
        options.AccessDeniedPath = LoginPath;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.Events.OnRedirectToLogin = context =>
        {
            context.Response.Redirect(ReturnUrls.PathAndQuery(context.RedirectUri));
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToAccessDenied = options.Events.OnRedirectToLogin;
    }

    public static ContentHttpResult ShowLogin([FromQuery(Name = "ReturnUrl")] string? returnUrl, HttpContext context, IAntiforgery antiforgery) =>
        LoginPage(context, antiforgery, returnUrl, userName: null, error: null);

    public static async Task<Results<RedirectHttpResult, ContentHttpResult>> Login(
        [FromForm] LoginForm form,
        HttpContext context,
        IAntiforgery antiforgery,
        UserManager<PlatformUser> users,
        PlatformSignInManager signIn,
        IdentityAudit audit)
    {
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
        {
            return LoginPage(context, antiforgery, form.ReturnUrl, form.UserName, Html.Error("missing-fields", SignInMessages.MissingFields));
        }

        var user = await users.FindByNameAsync(form.UserName.Trim());
        var step = user is null ? PasswordStep.WrongPassword : await signIn.SignInWithPasswordAsync(user, form.Password);
        if (step is not (PasswordStep.SignedIn or PasswordStep.SecondFactorNeeded))
        {
            audit.SignInRefused("SignIn", user, form.UserName.Trim(), step);
        }

        return step switch
        {
            PasswordStep.SignedIn => Back(context, form.ReturnUrl),
            PasswordStep.SecondFactorNeeded => TypedResults.Redirect(
                context.Request.PathBase + SecondFactorPath + QueryString.Create("ReturnUrl", SafeReturnUrl(form.ReturnUrl) ?? "")),
            _ => LoginPage(context, antiforgery, form.ReturnUrl, form.UserName, SignInMessages.For(step)),
        };
    }

    public static async Task<Results<RedirectHttpResult, ContentHttpResult>> ShowSecondFactor(
        [FromQuery(Name = "ReturnUrl")] string? returnUrl,
        HttpContext context,
        IAntiforgery antiforgery,
        PlatformSignInManager signIn) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? StartAgain(context, returnUrl)
            : SecondFactorPage(context, antiforgery, returnUrl, error: null);

    public static async Task<Results<RedirectHttpResult, ContentHttpResult>> SecondFactor(
        [FromForm] SecondFactorForm form,
        HttpContext context,
        IAntiforgery antiforgery,
        PlatformSignInManager signIn,
        IdentityAudit audit)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return StartAgain(context, form.ReturnUrl);
        }

        var input = form.Code?.Trim() ?? "";
        if (input.Length == 0)
        {
            return SecondFactorPage(context, antiforgery, form.ReturnUrl, Html.Error("missing-fields", SignInMessages.MissingCode));
        }

        var result = Authenticator.IsAuthenticatorCode(input, out var code)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(input.ToUpperInvariant());
        if (result.Succeeded)
        {
            return Back(context, form.ReturnUrl);
        }

        var step = result.IsLockedOut ? PasswordStep.LockedOut : result.IsNotAllowed ? PasswordStep.Disabled : (PasswordStep?)null;
        audit.SignInRefused("SignInSecondFactor", user, user.UserName ?? string.Empty, step ?? PasswordStep.WrongPassword);
        return SecondFactorPage(context, antiforgery, form.ReturnUrl, step is { } refused ? SignInMessages.For(refused) : Html.Error("wrong-code", SignInMessages.WrongCode));
    }

    private static string? SafeReturnUrl(string? returnUrl) => ReturnUrls.IsLocal(returnUrl) ? returnUrl : null;

    private static Results<RedirectHttpResult, ContentHttpResult> Back(HttpContext context, string? returnUrl) =>
        SafeReturnUrl(returnUrl) is { } back
            ? TypedResults.Redirect(back)
            : Html.Page("已登录", $"<p>登录成功。</p><p class=\"hint\">Signed in. You may close this page.</p>");

    private static RedirectHttpResult StartAgain(HttpContext context, string? returnUrl) =>
        TypedResults.Redirect(context.Request.PathBase + LoginPath + QueryString.Create("ReturnUrl", SafeReturnUrl(returnUrl) ?? ""));

    private static ContentHttpResult LoginPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? userName, string? error)
    {
        Html.Harden(context.Response);
        return Html.Page("登录", $"""
            {error}
            <form method="post" action="{Html.Encode(context.Request.PathBase + LoginPath)}">
            {Html.AntiforgeryField(context, antiforgery)}
            <input type="hidden" name="returnUrl" value="{Html.Encode(SafeReturnUrl(returnUrl))}">
            <label for="userName">用户名 <small>User name</small></label>
            <input type="text" id="userName" name="userName" value="{Html.Encode(userName)}" autocomplete="username" required autofocus>
            <label for="password">密码 <small>Password</small></label>
            <input type="password" id="password" name="password" autocomplete="current-password" required>
            <button type="submit">登录 Sign in</button>
            </form>
            """);
    }

    private static ContentHttpResult SecondFactorPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error)
    {
        Html.Harden(context.Response);
        return Html.Page("双重验证", $"""
            {error}
            <p>请输入身份验证器应用显示的 6 位验证码，或一个恢复码。</p>
            <form method="post" action="{Html.Encode(context.Request.PathBase + SecondFactorPath)}">
            {Html.AntiforgeryField(context, antiforgery)}
            <input type="hidden" name="returnUrl" value="{Html.Encode(SafeReturnUrl(returnUrl))}">
            <label for="code">验证码或恢复码 <small>Authenticator or recovery code</small></label>
            <input type="text" id="code" name="code" autocomplete="one-time-code" inputmode="numeric" required autofocus>
            <button type="submit">验证 Verify</button>
            </form>
            """);
    }
}
