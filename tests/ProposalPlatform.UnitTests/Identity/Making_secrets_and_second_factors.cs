using ProposalPlatform.Identity.Domain;

namespace ProposalPlatform.UnitTests.Identity;

public class Making_secrets_and_second_factors
{
    [Fact]
    public void A_generated_password_meets_the_password_policy()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => Secrets.NewPassword()).ToList();

        Assert.All(passwords, password => Assert.True(Secrets.MeetsPolicy(password), password));
        Assert.All(passwords, password => Assert.True(password.Length >= PasswordRules.MinLength));
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    [Fact]
    public void The_policy_refuses_a_password_of_11_characters()
    {
        Assert.False(Secrets.MeetsPolicy("Abcdefghij1"));
        Assert.True(Secrets.MeetsPolicy("Abcdefghijk1"));
    }

    [Fact]
    public void A_client_secret_is_256_bits_of_base64url()
    {
        var secret = Secrets.NewClientSecret();

        Assert.Equal(43, secret.Length);
        Assert.All(secret, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }

    [Theory]
    [InlineData("jbsw y3dp ehpk 3pxp", "JBSWY3DPEHPK3PXP")]
    [InlineData("JBSWY3DPEHPK3PXP====", "JBSWY3DPEHPK3PXP")]
    [InlineData("JBSWY3DP", null)]
    [InlineData("JBSWY3DPEHPK3PX1", null)]
    [InlineData(null, null)]
    public void An_authenticator_key_is_normalized_as_identity_stores_it(string? key, string? expected)
    {
        Assert.Equal(expected, Authenticator.NormalizeKey(key));
    }

    [Fact]
    public void The_authenticator_uri_names_the_platform_and_the_account()
    {
        Assert.Equal(
            "otpauth://totp/ProposalPlatform:office.li?secret=JBSWY3DPEHPK3PXP&issuer=ProposalPlatform&digits=6",
            Authenticator.Uri("office.li", "JBSWY3DPEHPK3PXP"));
    }

    [Theory]
    [InlineData("123456", true, "123456")]
    [InlineData("123 456", true, "123456")]
    [InlineData("123-456", true, "123456")]
    [InlineData("GT23W-25NRK", false, "GT23W25NRK")]
    [InlineData("12345", false, "12345")]
    public void Six_digits_are_an_authenticator_code_anything_else_a_recovery_code(string input, bool isCode, string code)
    {
        Assert.Equal(isCode, Authenticator.IsAuthenticatorCode(input, out var read));
        Assert.Equal(code, read);
    }
}
