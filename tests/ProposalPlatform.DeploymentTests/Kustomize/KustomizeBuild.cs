using k8s;
using k8s.Models;

namespace ProposalPlatform.DeploymentTests.Kustomize;

/// <summary>
/// What <c>kubectl kustomize</c> makes of a folder, for the fields the platform's kustomizations use
/// (<see cref="KustomizationFile"/>): the resources in order (files, and other kustomizations' folders
/// built first), the generated ConfigMaps and Secrets, the namespace and the images' tags. Every manifest
/// is read with KubernetesClient's typed models, strictly: a misspelt or unknown field fails. A generated
/// object keeps its plain name here; kustomize adds a hash suffix and rewrites the references it knows,
/// which <see cref="HashSuffixed"/> names.
/// </summary>
public sealed class KustomizeBuild
{
    public const string FileName = "kustomization.yaml";

    private static readonly Dictionary<string, Type> CustomResources = new()
    {
        [RabbitmqCluster.TypeKey] = typeof(RabbitmqCluster),
        [PostgresCluster.TypeKey] = typeof(PostgresCluster),
        [PostgresDatabase.TypeKey] = typeof(PostgresDatabase),
    };

    private readonly List<IKubernetesObject<V1ObjectMeta>> _objects = [];
    private readonly HashSet<(string Kind, string Name)> _hashSuffixed = [];

    private KustomizeBuild()
    {
    }

    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects => _objects;

    /// <summary>The generated objects whose names kustomize suffixes with a hash of their content.</summary>
    public IReadOnlySet<(string Kind, string Name)> HashSuffixed => _hashSuffixed;

    public IEnumerable<T> All<T>() => _objects.OfType<T>();

    public static KustomizationFile Read(string directory) =>
        KubernetesYaml.Deserialize<KustomizationFile>(File.ReadAllText(Path.Combine(directory, FileName)), strict: true);

    /// <summary>Loads every object of a manifest file with its typed model.</summary>
    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Load(string file) =>
        [.. KubernetesYaml.LoadAllFromString(File.ReadAllText(file), CustomResources, strict: true).Cast<IKubernetesObject<V1ObjectMeta>>()];

    public static KustomizeBuild Of(string directory)
    {
        var build = new KustomizeBuild();
        build.Add(directory);
        return build;
    }

    private void Add(string directory)
    {
        var kustomization = Read(directory);
        Assert.Equal("kustomize.config.k8s.io/v1beta1", kustomization.ApiVersion);
        Assert.Equal("Kustomization", kustomization.Kind);

        foreach (var resource in kustomization.Resources)
        {
            var path = Path.GetFullPath(Path.Combine(directory, resource));
            if (Directory.Exists(path))
            {
                var inner = Of(path);
                _objects.AddRange(inner._objects);
                _hashSuffixed.UnionWith(inner._hashSuffixed);
            }
            else
            {
                Assert.True(File.Exists(path), $"{Path.Combine(directory, FileName)} names {resource}, which does not exist.");
                _objects.AddRange(Load(path));
            }
        }

        foreach (var generator in kustomization.ConfigMapGenerator)
        {
            Generate(generator, "ConfigMap", directory, data => new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Data = data });
        }

        foreach (var generator in kustomization.SecretGenerator)
        {
            Generate(generator, "Secret", directory, data => new V1Secret { ApiVersion = "v1", Kind = "Secret", Type = generator.Type ?? "Opaque", StringData = data });
        }

        if (kustomization.Namespace is { } ns)
        {
            foreach (var item in _objects.Where(o => o.Kind != "Namespace"))
            {
                item.Metadata.NamespaceProperty = ns;
            }
        }

        foreach (var image in kustomization.Images)
        {
            foreach (var container in _objects.OfType<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers))
            {
                container.Image = Retagged(container.Image, image);
            }
        }
    }

    private void Generate(Generator generator, string kind, string directory, Func<IDictionary<string, string>, IKubernetesObject<V1ObjectMeta>> make)
    {
        var data = new Dictionary<string, string>();
        foreach (var literal in generator.Literals)
        {
            Add(data, literal, $"{kind} {generator.Name}");
        }

        foreach (var env in generator.Envs)
        {
            var file = Path.Combine(directory, env);
            Assert.True(File.Exists(file), $"The {kind} {generator.Name} is made from {env}, which does not exist.");
            foreach (var line in File.ReadAllLines(file).Select(l => l.TrimStart()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                Add(data, line, env);
            }
        }

        var existing = _objects.SingleOrDefault(o => o.Kind == kind && o.Metadata.Name == generator.Name);
        switch (generator.Behavior ?? "create")
        {
            case "create":
                Assert.True(existing is null, $"The {kind} {generator.Name} is made twice.");
                var made = make(data);
                made.Metadata = new V1ObjectMeta { Name = generator.Name, Labels = generator.Options?.Labels };
                _objects.Add(made);
                if (generator.Options?.DisableNameSuffixHash != true)
                {
                    _hashSuffixed.Add((kind, generator.Name));
                }

                break;
            case "merge" or "replace":
                Assert.True(existing is not null, $"The {kind} {generator.Name} to {generator.Behavior} is made nowhere before.");
                var target = DataOf(existing);
                if (generator.Behavior == "replace")
                {
                    target.Clear();
                }

                foreach (var (key, value) in data)
                {
                    target[key] = value;
                }

                break;
            default:
                Assert.Fail($"The {kind} {generator.Name}: no generator behavior '{generator.Behavior}'.");
                break;
        }
    }

    /// <summary>A ConfigMap's or a Secret's keys and values.</summary>
    public static IDictionary<string, string> DataOf(IKubernetesObject<V1ObjectMeta> item) => item switch
    {
        V1ConfigMap configMap => configMap.Data ??= new Dictionary<string, string>(),
        V1Secret secret => secret.StringData ??= new Dictionary<string, string>(),
        _ => throw new ArgumentException($"{item.Kind} {item.Metadata.Name} holds no data.", nameof(item)),
    };

    private static void Add(Dictionary<string, string> data, string line, string source)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        Assert.True(equals > 0, $"{source}: '{line}' is no KEY=value.");
        Assert.True(data.TryAdd(line[..equals], line[(equals + 1)..]), $"{source} gives {line[..equals]} twice.");
    }

    private static string Retagged(string image, ImageOverride change)
    {
        var digestAt = image.IndexOf('@', StringComparison.Ordinal);
        var withoutDigest = digestAt < 0 ? image : image[..digestAt];
        var tagAt = withoutDigest.LastIndexOf(':');
        var name = tagAt > withoutDigest.LastIndexOf('/') ? withoutDigest[..tagAt] : withoutDigest;
        if (name != change.Name)
        {
            return image;
        }

        var tag = tagAt > withoutDigest.LastIndexOf('/') ? withoutDigest[(tagAt + 1)..] : null;
        var newName = change.NewName ?? name;
        return change.Digest is { } digest ? $"{newName}@{digest}"
            : (change.NewTag ?? tag) is { } newTag ? $"{newName}:{newTag}"
            : newName;
    }
}
