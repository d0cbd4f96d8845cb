using k8s.Models;

namespace ProposalPlatform.DeploymentTests;

/// <summary>Every container of every Deployment: the platform's services and the telemetry collector.</summary>
public class Every_container
{
    private static Manifests Manifests => Manifests.Production;

    public static TheoryData<string> Deployments => [.. Manifests.Production.Deployments.Select(d => d.Metadata.Name)];

    private static IEnumerable<V1Container> ContainersOf(string deployment) =>
        Manifests.Deployment(deployment).Spec.Template.Spec.Containers.Concat(Manifests.Deployment(deployment).Spec.Template.Spec.InitContainers ?? []);

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Requests_and_limits_cpu_and_memory(string deployment)
    {
        foreach (var container in ContainersOf(deployment))
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.True(container.Resources?.Requests?.ContainsKey(resource) == true, $"{deployment}/{container.Name} requests no {resource}.");
                Assert.True(container.Resources?.Limits?.ContainsKey(resource) == true, $"{deployment}/{container.Name} has no {resource} limit.");
                Assert.True(container.Resources.Requests[resource].ToDecimal() <= container.Resources.Limits[resource].ToDecimal(),
                    $"{deployment}/{container.Name} requests more {resource} than its limit.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Runs_as_no_root_with_no_capability_on_a_read_only_root(string deployment)
    {
        var pod = Manifests.Deployment(deployment).Spec.Template.Spec;

        Assert.Equal("RuntimeDefault", pod.SecurityContext?.SeccompProfile?.Type);
        Assert.False(pod.AutomountServiceAccountToken ?? true, $"{deployment}'s pods get a service account token they do not use.");
        foreach (var container in ContainersOf(deployment))
        {
            var security = container.SecurityContext;
            Assert.True((security?.RunAsNonRoot ?? pod.SecurityContext?.RunAsNonRoot) == true, $"{deployment}/{container.Name} may run as root.");
            Assert.True((security?.RunAsUser ?? pod.SecurityContext?.RunAsUser) is > 0, $"{deployment}/{container.Name} names no user other than root.");
            Assert.False(security?.AllowPrivilegeEscalation ?? true, $"{deployment}/{container.Name} may escalate its privileges.");
            Assert.False(security?.Privileged ?? false, $"{deployment}/{container.Name} is privileged.");
            Assert.Equal(["ALL"], security?.Capabilities?.Drop ?? []);
            Assert.Empty(security?.Capabilities?.Add ?? []);
            Assert.True(security?.ReadOnlyRootFilesystem == true, $"{deployment}/{container.Name} may write its root file system.");
        }
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Names_its_image_by_a_tag_other_than_latest(string deployment)
    {
        foreach (var container in ContainersOf(deployment))
        {
            var image = container.Image;
            var name = image.Split('@')[0];
            var tag = name.LastIndexOf(':') > name.LastIndexOf('/') ? name[(name.LastIndexOf(':') + 1)..] : null;

            Assert.True(image.Contains('@', StringComparison.Ordinal) || tag is { Length: > 0 }, $"{deployment}/{container.Name}: {image} names no tag, so latest.");
            Assert.NotEqual("latest", tag);
        }
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Finds_every_ConfigMap_Secret_key_and_variable_it_names(string deployment)
    {
        var problems = new List<string>();
        foreach (var container in ContainersOf(deployment))
        {
            problems.AddRange(ContainerEnvironment.Resolve(Manifests, container).Problems.Select(p => $"{container.Name}: {p}"));
        }

        foreach (var volume in Manifests.Deployment(deployment).Spec.Template.Spec.Volumes ?? [])
        {
            var (kind, name, keys) = volume switch
            {
                { Secret: { } secret } => ("Secret", secret.SecretName, Manifests.SecretKeys(secret.SecretName)),
                { ConfigMap: { } configMap } => ("ConfigMap", configMap.Name,
                    Manifests.ConfigMap(configMap.Name)?.Data?.Keys.ToHashSet() is { } data ? data : null),
                _ => ("", "", (IReadOnlySet<string>?)null),
            };
            if (kind.Length == 0)
            {
                continue;
            }

            if (keys is null)
            {
                problems.Add($"the volume {volume.Name}: no {kind} {name}");
                continue;
            }

            var items = volume.Secret?.Items ?? volume.ConfigMap?.Items ?? [];
            problems.AddRange(items.Where(i => !keys.Contains(i.Key)).Select(i => $"the volume {volume.Name}: no key {i.Key} in the {kind} {name}"));
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Mounts_every_volume_it_has_and_has_every_volume_it_mounts(string deployment)
    {
        var pod = Manifests.Deployment(deployment).Spec.Template.Spec;

        var volumes = (pod.Volumes ?? []).Select(v => v.Name).Order();
        var mounted = ContainersOf(deployment).SelectMany(c => c.VolumeMounts ?? []).Select(m => m.Name).Distinct().Order();

        Assert.Equal(volumes, mounted);
    }
}
