using System.Diagnostics;
using k8s;
using k8s.Models;
using ProposalPlatform.Contracts;
using ProposalPlatform.DeploymentTests.Kustomize;

namespace ProposalPlatform.DeploymentTests;

/// <summary>
/// The platform as <c>kubectl apply -k deploy/kubernetes/overlays/production</c> would apply it: built
/// from a copy of <c>deploy/kubernetes</c> whose Secrets <c>make-secrets.sh</c> has just written (a
/// developer's own <c>secrets/</c> folder is never read).
/// </summary>
public sealed class Manifests
{
    public const string Overlay = "overlays/production";

    private static readonly Lazy<Manifests> Built = new(() => new Manifests(BuildWithNewSecrets(Overlay)));

    private Manifests(KustomizeBuild build)
    {
        Build = build;
        var operatorSecrets = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var broker in build.All<RabbitmqCluster>())
        {
            operatorSecrets[broker.DefaultUserSecret] = new HashSet<string> { "username", "password", "host", "port", "default_user.conf", "provider", "type" };
        }

        foreach (var database in build.All<PostgresCluster>())
        {
            operatorSecrets[database.CaSecret] = new HashSet<string> { "ca.crt", "ca.key" };
        }

        OperatorSecrets = operatorSecrets;
    }

    public static Manifests Production => Built.Value;

    /// <summary>The ten processes of the platform, each a Deployment, a Service and a disruption budget of that name.</summary>
    public static readonly IReadOnlyList<string> PlatformServices =
    [
        ResourceNames.Gateway, ResourceNames.Identity, ResourceNames.Intake, ResourceNames.Assignment, ResourceNames.ContactScheduling,
        ResourceNames.Reply, ResourceNames.Audit, ResourceNames.Reporting, ResourceNames.Notifications, ResourceNames.Portal,
    ];

    public static TheoryData<string> ServiceNames => [.. PlatformServices];

    public KustomizeBuild Build { get; }

    /// <summary>The Secrets the operators make for their resources (by name, with their keys): no manifest holds them.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> OperatorSecrets { get; }

    public IEnumerable<V1Deployment> Deployments => Build.All<V1Deployment>();

    public V1Deployment Deployment(string name) =>
        Assert.Single(Deployments, d => d.Metadata.Name == name);

    /// <summary>The container of a service's Deployment that runs the service (named as it).</summary>
    public V1Container ServiceContainer(string service) =>
        Assert.Single(Deployment(service).Spec.Template.Spec.Containers, c => c.Name == service);

    public IReadOnlyDictionary<string, Setting> EnvironmentOf(string service) =>
        ContainerEnvironment.Resolve(this, ServiceContainer(service)).Settings;

    public V1ConfigMap? ConfigMap(string name) => Build.All<V1ConfigMap>().SingleOrDefault(c => c.Metadata.Name == name);

    public V1Secret? Secret(string name) => Build.All<V1Secret>().SingleOrDefault(s => s.Metadata.Name == name);

    /// <summary>The keys of a Secret, made by the kustomization or by an operator; null where there is no such Secret.</summary>
    public IReadOnlySet<string>? SecretKeys(string name) =>
        Secret(name) is { } secret ? new HashSet<string>(KustomizeBuild.DataOf(secret).Keys)
        : OperatorSecrets.TryGetValue(name, out var keys) ? keys
        : null;

    /// <summary>True where the pods' labels are all a selector asks for.</summary>
    public static bool Selects(V1LabelSelector? selector, IDictionary<string, string>? labels) =>
        selector?.MatchLabels is { Count: > 0 } wanted && (selector.MatchExpressions?.Count ?? 0) == 0
        && labels is not null && wanted.All(w => labels.TryGetValue(w.Key, out var value) && value == w.Value);

    /// <summary>Builds a kustomization of a copy of <c>deploy/kubernetes</c>, its Secrets written anew by its make-secrets.sh.</summary>
    public static KustomizeBuild BuildWithNewSecrets(string kustomization)
    {
        var copy = Directory.CreateTempSubdirectory("pp-kubernetes-");
        try
        {
            CopyWithoutSecrets(new DirectoryInfo(Repository.Kubernetes), copy);
            var folder = Path.Combine(copy.FullName, kustomization);
            MakeSecrets(folder);
            return KustomizeBuild.Of(folder);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    public static void MakeSecrets(string folder)
    {
        var script = Path.Combine(folder, "make-secrets.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "make-secrets.sh took longer than 30 s.");
        Assert.True(process.ExitCode == 0, $"make-secrets.sh failed ({process.ExitCode}): {errors.Result}{output.Result}");
    }

    private static void CopyWithoutSecrets(DirectoryInfo from, DirectoryInfo to)
    {
        foreach (var file in from.GetFiles())
        {
            file.CopyTo(Path.Combine(to.FullName, file.Name));
        }

        foreach (var folder in from.GetDirectories().Where(d => d.Name != "secrets"))
        {
            CopyWithoutSecrets(folder, to.CreateSubdirectory(folder.Name));
        }
    }
}

public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Kubernetes => Path.Combine(Root, "deploy", "kubernetes");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProposalPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ProposalPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
