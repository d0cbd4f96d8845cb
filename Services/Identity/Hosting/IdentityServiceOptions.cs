using System.ComponentModel.DataAnnotations;

namespace ProposalPlatform.Identity.Hosting;

/// <summary>The token server's settings (section <c>Identity</c>).</summary>
public sealed class IdentityServiceOptions : IValidatableObject
{
    public const string Section = "Identity";

    /// <summary>
    /// The public address the platform is reached at (the gateway's), e.g. <c>http://localhost:5100/</c>:
    /// every token carries exactly this issuer, and discovery names every endpoint under it.
    /// </summary>
    [Required]
    public Uri? Issuer { get; set; }

    /// <summary>How long an access token lasts; a revoked client or a disabled person keeps a token at most this long.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:15:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a person's refresh token lasts: a working day.</summary>
    [Range(typeof(TimeSpan), "00:15:00", "1.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The issuer with the trailing slash OpenIddict needs to name endpoints under it.</summary>
    public Uri IssuerUri => Issuer!.AbsoluteUri.EndsWith('/') ? Issuer : new Uri(Issuer.AbsoluteUri + "/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Issuer is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult("Identity:Issuer must be an absolute URI (the gateway's public address).", [nameof(Issuer)]);
        }
    }
}

/// <summary>
/// What the first start creates (section <c>Identity:Bootstrap</c>, given by the AppHost): the office's
/// first admin and the office's machine client. Later starts never change them.
/// </summary>
public sealed class BootstrapOptions : IValidatableObject
{
    public const string Section = "Identity:Bootstrap";

    public string? AdminUserName { get; set; }

    public string? AdminPassword { get; set; }

    /// <summary>The admin's authenticator (TOTP) secret, base32.</summary>
    public string? AdminAuthenticatorKey { get; set; }

    public string? OfficeClientId { get; set; }

    public string? OfficeClientSecret { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(AdminUserName))
        {
            if (string.IsNullOrEmpty(AdminPassword))
            {
                yield return new ValidationResult("Identity:Bootstrap:AdminPassword is required with AdminUserName.", [nameof(AdminPassword)]);
            }

            if (Domain.Authenticator.NormalizeKey(AdminAuthenticatorKey) is null)
            {
                yield return new ValidationResult(
                    "Identity:Bootstrap:AdminAuthenticatorKey is required with AdminUserName: a base32 secret of at least 16 characters.",
                    [nameof(AdminAuthenticatorKey)]);
            }
        }

        if (!string.IsNullOrEmpty(OfficeClientId) && string.IsNullOrEmpty(OfficeClientSecret))
        {
            yield return new ValidationResult("Identity:Bootstrap:OfficeClientSecret is required with OfficeClientId.", [nameof(OfficeClientSecret)]);
        }
    }
}
