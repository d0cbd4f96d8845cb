using System.Text.RegularExpressions;
using k8s.Models;
using ProposalPlatform.DeploymentTests.Kustomize;

namespace ProposalPlatform.DeploymentTests;

/// <summary>One environment variable of a container as the kubelet sets it, and where its value came from.</summary>
/// <param name="FromSecret">The value is, or holds, a Secret's value.</param>
public sealed record Setting(string Value, string Source, bool FromSecret);

/// <summary>
/// A container's environment as the kubelet makes it: <c>envFrom</c> in order, then <c>env</c> in order,
/// each <c>$(NAME)</c> replaced by a variable defined before it (<c>$$</c> for a dollar). What cannot be
/// resolved — a ConfigMap, Secret or key that is not there, a variable not defined before, a name given
/// twice — is a problem.
/// </summary>
public static partial class ContainerEnvironment
{
    public static (IReadOnlyDictionary<string, Setting> Settings, IReadOnlyList<string> Problems) Resolve(Manifests manifests, V1Container container)
    {
        var settings = new Dictionary<string, Setting>();
        var problems = new List<string>();
        void Define(string name, Setting setting)
        {
            if (!settings.TryAdd(name, setting))
            {
                problems.Add($"{name} is given twice: by {settings[name].Source} and by {setting.Source}");
                settings[name] = setting;
            }
        }

        foreach (var source in container.EnvFrom ?? [])
        {
            if (source.ConfigMapRef is { } configMapRef)
            {
                if (manifests.ConfigMap(configMapRef.Name) is { } configMap)
                {
                    foreach (var (key, value) in KustomizeBuild.DataOf(configMap))
                    {
                        Define(key, new Setting(value, $"ConfigMap {configMapRef.Name}", FromSecret: false));
                    }
                }
                else if (configMapRef.Optional != true)
                {
                    problems.Add($"no ConfigMap {configMapRef.Name}");
                }
            }

            if (source.SecretRef is { } secretRef)
            {
                if (manifests.SecretKeys(secretRef.Name) is { } keys)
                {
                    foreach (var key in keys)
                    {
                        Define(key, new Setting(SecretValue(manifests, secretRef.Name, key), $"Secret {secretRef.Name}", FromSecret: true));
                    }
                }
                else if (secretRef.Optional != true)
                {
                    problems.Add($"no Secret {secretRef.Name}");
                }
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            if (variable.Value is { } value)
            {
                var fromSecret = false;
                var expanded = Reference().Replace(value, match =>
                {
                    if (match.Value == "$$")
                    {
                        return "$";
                    }

                    if (settings.TryGetValue(match.Groups["name"].Value, out var referenced))
                    {
                        fromSecret |= referenced.FromSecret;
                        return referenced.Value;
                    }

                    problems.Add($"{variable.Name} refers to $({match.Groups["name"].Value}), which is not defined before it");
                    return match.Value;
                });
                Define(variable.Name, new Setting(expanded, "value", fromSecret));
            }
            else if (variable.ValueFrom?.SecretKeyRef is { } secretKey)
            {
                if (manifests.SecretKeys(secretKey.Name) is not { } keys || !keys.Contains(secretKey.Key))
                {
                    problems.Add($"{variable.Name}: no key {secretKey.Key} in a Secret {secretKey.Name}");
                }

                Define(variable.Name, new Setting(SecretValue(manifests, secretKey.Name, secretKey.Key), $"Secret {secretKey.Name}", FromSecret: true));
            }
            else if (variable.ValueFrom?.ConfigMapKeyRef is { } configMapKey)
            {
                var data = manifests.ConfigMap(configMapKey.Name) is { } configMap ? KustomizeBuild.DataOf(configMap) : null;
                if (data is null || !data.TryGetValue(configMapKey.Key, out var configured))
                {
                    problems.Add($"{variable.Name}: no key {configMapKey.Key} in a ConfigMap {configMapKey.Name}");
                    configured = "";
                }

                Define(variable.Name, new Setting(configured, $"ConfigMap {configMapKey.Name}", FromSecret: false));
            }
            else if (variable.ValueFrom?.FieldRef is { } field)
            {
                Define(variable.Name, new Setting($"<{field.FieldPath}>", "the pod's fields", FromSecret: false));
            }
            else
            {
                problems.Add($"{variable.Name} has no value");
            }
        }

        return (settings, problems);
    }

    /// <summary>A generated Secret's value; what an operator makes stands for itself.</summary>
    private static string SecretValue(Manifests manifests, string secret, string key) =>
        manifests.Secret(secret) is { } made && KustomizeBuild.DataOf(made).TryGetValue(key, out var value)
            ? value
            : $"<{secret}:{key}>";

    [GeneratedRegex(@"\$\$|\$\((?<name>[-._a-zA-Z][-._a-zA-Z0-9]*)\)")]
    private static partial Regex Reference();
}
