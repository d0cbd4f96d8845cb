using k8s.Models;
using Npgsql;
using ProposalPlatform.AppHost.Infrastructure;
using ProposalPlatform.DeploymentTests.Kustomize;

namespace ProposalPlatform.DeploymentTests;

public class The_database
{
    private static Manifests Manifests => Manifests.Production;

    private static PostgresCluster Cluster => Assert.Single(Manifests.Build.All<PostgresCluster>());

    public static TheoryData<string> Databases => [.. PlatformInfrastructureExtensions.Databases.Select(d => d.Name)];

    private static DatabaseDeclaration Declared(string name) => PlatformInfrastructureExtensions.Databases.Single(d => d.Name == name);

    [Fact]
    public void Is_a_CloudNativePG_cluster_of_three_instances_or_more_of_PostgreSQL_15()
    {
        Assert.True(Cluster.Spec.Instances >= 3, $"The database runs {Cluster.Spec.Instances} instances.");
        Assert.Matches(@"^ghcr\.io/cloudnative-pg/postgresql:15(\.|-|$)", Cluster.Spec.ImageName);
    }

    [Fact]
    public void Acknowledges_a_commit_once_a_standby_has_it_too()
    {
        var synchronous = Cluster.Spec.Postgresql.Synchronous;

        Assert.NotNull(synchronous);
        Assert.Contains(synchronous.Method, new[] { "any", "first" });
        Assert.InRange(synchronous.Number, 1, Cluster.Spec.Instances - 1);
        // "preferred" would go on unreplicated while no standby answers
        Assert.Equal("required", synchronous.DataDurability ?? "required");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public void Holds_each_database_the_AppHost_declares_owned_by_its_owner(string name)
    {
        var declaration = Declared(name);

        var owners = Manifests.Build.All<PostgresDatabase>()
            .Where(d => d.Spec.Cluster.Name == Cluster.Metadata.Name && d.Spec.Name == name && d.Spec.Ensure is null or "present")
            .Select(d => d.Spec.Owner)
            .Concat(Cluster.Spec.Bootstrap?.Initdb is { Database: var initial, Owner: { } owner } && initial == name ? [owner] : []);

        Assert.Equal(declaration.OwnerRole, Assert.Single(owners.Distinct()));
    }

    [Fact]
    public void Holds_no_database_the_AppHost_does_not_declare()
    {
        var held = Manifests.Build.All<PostgresDatabase>().Select(d => d.Spec.Name).Append(Cluster.Spec.Bootstrap?.Initdb?.Database ?? "app").Distinct().Order();

        Assert.Equal(PlatformInfrastructureExtensions.Databases.Select(d => d.Name).Order(), held);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public void Keeps_each_role_to_its_declaration_and_the_password_of_its_Secret(string name)
    {
        foreach (var role in Declared(name).Roles)
        {
            var managed = Assert.Single(Cluster.Spec.Managed?.Roles ?? [], r => r.Name == role);

            Assert.Equal("present", managed.Ensure ?? "present");
            Assert.True(managed.Login);
            Assert.False(managed.Superuser || managed.Createdb || managed.Createrole || managed.Replication || managed.Bypassrls,
                $"{role} may do more than its database needs.");
            var secret = Manifests.Secret(managed.PasswordSecret?.Name ?? "");
            Assert.True(secret is not null, $"{role}'s password Secret {managed.PasswordSecret?.Name} is not made.");
            Assert.Equal("kubernetes.io/basic-auth", secret.Type);
            Assert.Equal(role, KustomizeBuild.DataOf(secret)["username"]);
            Assert.NotEmpty(KustomizeBuild.DataOf(secret)["password"]);
            // the Cluster names it, and kustomize rewrites no custom resource's reference to a suffixed name
            Assert.DoesNotContain(("Secret", secret.Metadata.Name), Manifests.Build.HashSuffixed);
        }

        if (Cluster.Spec.Bootstrap?.Initdb is { Database: var initial } initdb && initial == name)
        {
            Assert.Equal(Assert.Single(Cluster.Spec.Managed!.Roles, r => r.Name == initdb.Owner).PasswordSecret?.Name, initdb.Secret?.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public void Admits_each_role_over_TLS_to_its_own_database_alone(string name)
    {
        var declaration = Declared(name);
        var rules = Cluster.Spec.Postgresql.PgHba.Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

        foreach (var role in declaration.Roles)
        {
            bool Names(string[] rule) => rule.Length >= 4 && rule[2].Split(',').Contains(role);
            var first = rules.FindIndex(Names);

            Assert.True(first >= 0, $"No rule of pg_hba names {role}.");
            Assert.Equal(["hostssl", name, "all", "scram-sha-256"], [rules[first][0], rules[first][1], rules[first][3], rules[first][4]]);
            var second = rules.FindIndex(first + 1, Names);
            Assert.True(second > first, $"No rule refuses {role} the other databases.");
            Assert.Equal(["host", "all", "all", "reject"], [rules[second][0], rules[second][1], rules[second][3], rules[second][4]]);
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public void Is_given_to_one_service_as_the_role_it_runs_as(string name)
    {
        var declaration = Declared(name);

        var users = Manifests.PlatformServices
            .Select(s => (Service: s, Container: Manifests.ServiceContainer(s)))
            .SelectMany(s => (s.Container.Env ?? []).Where(e => e.Name == $"ConnectionStrings__{name}").Select(e => (s.Service, s.Container, Variable: e)))
            .ToList();

        var (service, container, variable) = Assert.Single(users);
        var environment = Manifests.EnvironmentOf(service);
        AssertConnects(container, environment, $"ConnectionStrings__{name}", name, declaration.RuntimeRole);
        if (declaration.SeparateRuntimeRole)
        {
            AssertConnects(container, environment, $"ConnectionStrings__{name}-migrations", name, declaration.OwnerRole);
        }
        else
        {
            Assert.DoesNotContain($"ConnectionStrings__{name}-migrations", environment.Keys);
        }
    }

    [Fact]
    public void Runs_with_the_server_tuning_of_the_AppHost()
    {
        var parameters = Cluster.Spec.Postgresql.Parameters;

        for (var i = 0; i < ServerTuning.PostgresArguments.Length; i += 2)
        {
            var (name, value) = (ServerTuning.PostgresArguments[i + 1].Split('=', 2)[0], ServerTuning.PostgresArguments[i + 1].Split('=', 2)[1]);
            switch (name)
            {
                case "shared_preload_libraries":
                    // the operator loads pg_stat_statements once a pg_stat_statements.* parameter is set
                    Assert.Contains(parameters.Keys, k => k.StartsWith("pg_stat_statements.", StringComparison.Ordinal));
                    break;
                case "max_connections":
                    // the AppHost's serves one replica of each service
                    Assert.True(int.Parse(parameters[name], System.Globalization.CultureInfo.InvariantCulture) >= 2 * int.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
                        $"max_connections {parameters[name]} is less than twice the AppHost's {value}.");
                    break;
                default:
                    Assert.True(parameters.TryGetValue(name, out var given) && given == value, $"{name} is {given ?? "not set"}, the AppHost's {value}.");
                    break;
            }
        }
    }

    private static void AssertConnects(V1Container container, IReadOnlyDictionary<string, Setting> environment, string setting, string database, string role)
    {
        var template = new NpgsqlConnectionStringBuilder(Assert.Single(container.Env, e => e.Name == setting).Value);
        var resolved = new NpgsqlConnectionStringBuilder(environment[setting].Value);

        Assert.Equal(Cluster.ReadWriteService, template.Host);
        Assert.Equal(database, template.Database);
        Assert.Equal(role, template.Username);
        Assert.Equal(SslMode.VerifyFull, template.SslMode);
        Assert.Equal(KustomizeBuild.DataOf(Manifests.Secret(role.Replace('_', '-'))!)["password"], resolved.Password);
        // the server's certificate is checked against the CA the operator signs it with
        var mount = Assert.Single(container.VolumeMounts, m => template.RootCertificate!.StartsWith(m.MountPath + "/", StringComparison.Ordinal));
        var volume = Assert.Single(Manifests.Deployments.Single(d => d.Spec.Template.Spec.Containers.Contains(container)).Spec.Template.Spec.Volumes, v => v.Name == mount.Name);
        Assert.Equal(Cluster.CaSecret, volume.Secret?.SecretName);
        Assert.Equal(Path.GetFileName(template.RootCertificate), Assert.Single(volume.Secret!.Items).Path);
        Assert.Equal("ca.crt", volume.Secret.Items[0].Key);
    }
}
