using k8s.Models;
using ProposalPlatform.DeploymentTests.Kustomize;

namespace ProposalPlatform.DeploymentTests;

public class The_kustomizations
{
    public static TheoryData<string> Folders => ["base", Manifests.Overlay];

    [Theory]
    [MemberData(nameof(Folders))]
    public void List_every_manifest_of_their_folder(string folder)
    {
        var directory = Path.Combine(Repository.Kubernetes, folder);
        var kustomization = KustomizeBuild.Read(directory);

        var manifests = Directory.GetFiles(directory, "*.yaml").Select(Path.GetFileName).Where(f => f != KustomizeBuild.FileName).Order();
        var listed = kustomization.Resources.Where(r => File.Exists(Path.Combine(directory, r))).Order();

        Assert.Equal(manifests, listed);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Use_every_settings_file_of_their_folder(string folder)
    {
        var directory = Path.Combine(Repository.Kubernetes, folder);
        var kustomization = KustomizeBuild.Read(directory);

        var settingsFiles = Directory.GetFiles(directory, "*.env", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("secrets/", StringComparison.Ordinal))
            .Order();
        var used = kustomization.ConfigMapGenerator.Concat(kustomization.SecretGenerator)
            .SelectMany(g => g.Envs)
            .Where(f => !f.StartsWith("secrets/", StringComparison.Ordinal))
            .Order();

        Assert.Equal(settingsFiles, used);
    }

    [Fact]
    public void Put_everything_in_the_platforms_namespace()
    {
        var build = Manifests.Production.Build;
        var ns = Assert.Single(build.All<V1Namespace>()).Metadata.Name;

        var elsewhere = build.Objects.Where(o => o.Kind != "Namespace" && o.Metadata.NamespaceProperty != ns).Select(o => $"{o.Kind} {o.Metadata.Name}");

        Assert.Empty(elsewhere);
    }

    [Fact]
    public void Read_every_secret_of_the_environment_from_its_secrets_folder()
    {
        var kustomization = KustomizeBuild.Read(Path.Combine(Repository.Kubernetes, Manifests.Overlay));

        var outside = kustomization.SecretGenerator.Where(g => g.Literals.Count > 0 || g.Envs.Any(e => !e.StartsWith("secrets/", StringComparison.Ordinal)));

        Assert.Empty(outside.Select(g => g.Name));
    }

    [Fact]
    public void Keep_the_secrets_folders_out_of_the_repository()
    {
        var ignored = File.ReadAllLines(Path.Combine(Repository.Root, ".gitignore"));

        Assert.Contains("deploy/kubernetes/overlays/*/secrets/", ignored);
    }
}
