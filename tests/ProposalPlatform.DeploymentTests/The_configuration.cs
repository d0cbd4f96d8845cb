using System.Text.RegularExpressions;
using k8s.Models;
using ProposalPlatform.AppHost.Infrastructure;
using ProposalPlatform.Contracts;
using ProposalPlatform.DeploymentTests.Kustomize;

namespace ProposalPlatform.DeploymentTests;

public partial class The_configuration
{
    private static Manifests Manifests => Manifests.Production;

    [Fact]
    public void Keeps_every_secret_out_of_the_ConfigMaps()
    {
        var found = new List<string>();
        foreach (var configMap in Manifests.Build.All<V1ConfigMap>())
        {
            foreach (var (key, value) in KustomizeBuild.DataOf(configMap))
            {
                if (SecretName().IsMatch(key) || SecretInValue().IsMatch(value))
                {
                    found.Add($"{configMap.Metadata.Name}: {key}");
                }
            }
        }

        Assert.Empty(found);
    }

    [Theory]
    [MemberData(nameof(Manifests.ServiceNames), MemberType = typeof(Manifests))]
    public void Gives_each_service_its_secrets_from_Secrets_alone(string service)
    {
        var environment = Manifests.EnvironmentOf(service);

        var notFromSecrets = environment.Where(s => SecretName().IsMatch(s.Key) && !s.Value.FromSecret).Select(s => $"{s.Key} ({s.Value.Source})");

        Assert.Empty(notFromSecrets);
    }

    [Theory]
    [MemberData(nameof(Manifests.ServiceNames), MemberType = typeof(Manifests))]
    public void Writes_no_password_into_a_connection_string(string service)
    {
        var container = Manifests.ServiceContainer(service);
        var fromSecrets = (container.Env ?? []).Where(e => e.ValueFrom?.SecretKeyRef is not null).Select(e => e.Name).ToHashSet();

        foreach (var variable in (container.Env ?? []).Where(e => e.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && e.Value is not null))
        {
            var credentials = Credential().Matches(variable.Value).Select(m => m.Groups["value"].Value).ToList();

            Assert.NotEmpty(credentials);
            // each a variable, and each variable a Secret's key
            Assert.All(credentials, c => Assert.Matches(@"^\$\([^)]+\)$", c));
            Assert.All(credentials, c => Assert.Contains(c[2..^1], fromSecrets));
        }
    }

    [Fact]
    public void Gives_the_identity_service_the_credentials_the_AppHost_bootstraps()
    {
        var environment = Manifests.EnvironmentOf(ResourceNames.Identity);

        Assert.Equal(IdentityBootstrap.AdminUserName, environment["Identity__Bootstrap__AdminUserName"].Value);
        Assert.Equal(IdentityBootstrap.OfficeClientId, environment["Identity__Bootstrap__OfficeClientId"].Value);
        foreach (var secret in new[] { "AdminPassword", "AdminAuthenticatorKey", "OfficeClientSecret" })
        {
            var setting = environment[$"Identity__Bootstrap__{secret}"];
            Assert.True(setting.FromSecret, $"Identity__Bootstrap__{secret} comes from {setting.Source}.");
            Assert.NotEmpty(setting.Value);
        }

        // an authenticator app reads the key in base32
        Assert.Matches("^[A-Z2-7]{32}$", environment["Identity__Bootstrap__AdminAuthenticatorKey"].Value);
    }

    [Theory]
    [InlineData(ResourceNames.Intake)]
    [InlineData(ResourceNames.Reply)]
    public void Gives_the_services_that_store_personal_data_the_key_ring(string service)
    {
        var environment = Manifests.EnvironmentOf(service);

        var current = environment["PersonalData__CurrentKey"];
        var key = environment[$"PersonalData__Keys__{current.Value}"];

        Assert.False(current.FromSecret);
        Assert.True(key.FromSecret);
        Assert.Equal(32, Convert.FromBase64String(key.Value).Length);
    }

    [Fact]
    public void Is_made_anew_for_each_environment()
    {
        var first = Manifests.Production.Build.All<V1Secret>().ToDictionary(s => s.Metadata.Name, KustomizeBuild.DataOf);

        var second = Manifests.BuildWithNewSecrets(Manifests.Overlay).All<V1Secret>().ToDictionary(s => s.Metadata.Name, KustomizeBuild.DataOf);

        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        var same = first.SelectMany(s => s.Value.Where(v => v.Value.Length > 0 && !v.Key.Contains("user", StringComparison.OrdinalIgnoreCase)
            && second[s.Key][v.Key] == v.Value).Select(v => $"{s.Key}: {v.Key}"));
        Assert.Empty(same);
    }

    /// <summary>What names a secret: a password, a secret, a key of the ring, a connection string.</summary>
    [GeneratedRegex("password|secret|authenticatorkey|__keys__|^connectionstrings__", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    /// <summary>A password in a connection string, or a user and password in an address.</summary>
    [GeneratedRegex(@"password\s*=|://[^/@\s:]+:[^/@\s]+@", RegexOptions.IgnoreCase)]
    private static partial Regex SecretInValue();

    /// <summary>The password of an Npgsql connection string, or the password of an address's user.</summary>
    [GeneratedRegex(@"Password=(?<value>[^;]*)|://[^/@:]+:(?<value>[^@]+)@", RegexOptions.IgnoreCase)]
    private static partial Regex Credential();
}
