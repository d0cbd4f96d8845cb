namespace ProposalPlatform.DeploymentTests.Kustomize;

/// <summary>
/// A <c>kustomization.yaml</c>, as far as the platform's use it. It is read strictly: a field of kustomize's
/// that is not here (patches, replacements, components…) fails the tests, rather than being built as if absent.
/// </summary>
public sealed class KustomizationFile
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public string? Namespace { get; set; }

    /// <summary>Manifest files and other kustomizations' folders, relative to this one.</summary>
    public List<string> Resources { get; set; } = [];

    public List<ImageOverride> Images { get; set; } = [];

    public List<Generator> ConfigMapGenerator { get; set; } = [];

    public List<Generator> SecretGenerator { get; set; } = [];
}

/// <summary>An image's new tag (or name, or digest) wherever a container names the image.</summary>
public sealed class ImageOverride
{
    public string Name { get; set; } = "";

    public string? NewName { get; set; }

    public string? NewTag { get; set; }

    public string? Digest { get; set; }
}

/// <summary>A ConfigMap or a Secret made from literals and env files.</summary>
public sealed class Generator
{
    public string Name { get; set; } = "";

    /// <summary><c>create</c> (the default), <c>merge</c> or <c>replace</c>: what becomes of a generated object of the same name.</summary>
    public string? Behavior { get; set; }

    /// <summary>A Secret's type (<c>Opaque</c> unless given).</summary>
    public string? Type { get; set; }

    public List<string> Literals { get; set; } = [];

    /// <summary>Files of <c>KEY=value</c> lines, relative to the kustomization.</summary>
    public List<string> Envs { get; set; } = [];

    public GeneratorOptions? Options { get; set; }
}

public sealed class GeneratorOptions
{
    /// <summary>The generated object keeps its name: what refers to it from a field kustomize does not rewrite (a custom resource's) still finds it.</summary>
    public bool DisableNameSuffixHash { get; set; }

    public Dictionary<string, string> Labels { get; set; } = [];
}
