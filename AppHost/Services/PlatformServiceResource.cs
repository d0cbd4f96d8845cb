using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace ProposalPlatform.AppHost.Services;

/// <summary>
/// One of the platform's programs (a service, the gateway, the portal), run as the program its build made
/// (<c>bin/Release/net10.0/ProposalPlatform.Intake</c>) in its project's folder. Aspire 13.6 starts a
/// project resource only as <c>dotnet run --no-build --project …</c>, and that launcher stays alive as the
/// service's parent for as long as the service runs: about 140 MiB each, a tenth of the machine's memory
/// for ten services. The built program is what <c>dotnet run</c> would have started, without it. Its
/// callers find it as they would a project's: it takes part in service discovery.
/// </summary>
public sealed class PlatformServiceResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithServiceDiscovery;

public static class PlatformServiceExtensions
{
    /// <summary>The launch profile whose address and environment the program is given, as <c>dotnet run</c> gave them.</summary>
    public const string LaunchProfile = "http";

    /// <summary>
    /// Adds the program of <typeparamref name="TProject"/>, built in the AppHost's own configuration, with
    /// what Aspire gives a project: its launch profile's port (listened on directly, with no proxy in front
    /// of it: every request through the gateway crossed that proxy twice) and environment, the dashboard's
    /// telemetry endpoint and the console log format.
    /// </summary>
    public static IResourceBuilder<PlatformServiceResource> AddPlatformService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var projectPath = new TProject().ProjectPath;
        var directory = Path.GetDirectoryName(projectPath)!;
        var program = Path.Combine(directory, "bin", BuildConfiguration, TargetFramework, Path.GetFileNameWithoutExtension(projectPath));
        var (port, environment) = ReadLaunchProfile(directory);

        var service = builder.AddResource(new PlatformServiceResource(name, program, directory))
            .WithHttpEndpoint(port: port, targetPort: port, isProxied: false);
        service
            .WithEnvironment("ASPNETCORE_URLS", service.GetEndpoint("http"))
            .WithOtlpExporter()
            // what Aspire sets for every project: the exporter's retries, and console logs as the dashboard shows them
            .WithEnvironment("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "in_memory")
            .WithEnvironment("DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION", "true")
            .WithEnvironment("LOGGING__CONSOLE__FORMATTERNAME", "simple");
        foreach (var (variable, value) in environment)
        {
            service.WithEnvironment(variable, value);
        }

        return service;
    }

    /// <summary>The configuration the AppHost was built in, and so its services (the build of a project builds what it references alike).</summary>
    private static string BuildConfiguration =>
        typeof(PlatformServiceResource).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
        ?? throw new InvalidOperationException("The AppHost's assembly does not say which configuration it was built in.");

    /// <summary>"net10.0": the target framework of the AppHost, which every project of the platform shares (Directory.Build.props).</summary>
    private static string TargetFramework =>
        typeof(PlatformServiceResource).Assembly.GetCustomAttribute<TargetFrameworkAttribute>() is { } attribute
            && new FrameworkName(attribute.FrameworkName).Version is var version
            ? $"net{version.Major}.{version.Minor}"
            : throw new InvalidOperationException("The AppHost's assembly does not say which framework it targets.");

    private static (int Port, IReadOnlyDictionary<string, string> Environment) ReadLaunchProfile(string projectDirectory)
    {
        var path = Path.Combine(projectDirectory, "Properties", "launchSettings.json");
        using var settings = JsonDocument.Parse(File.ReadAllText(path));
        if (!settings.RootElement.TryGetProperty("profiles", out var profiles) || !profiles.TryGetProperty(LaunchProfile, out var profile)
            || !profile.TryGetProperty("applicationUrl", out var url) || !Uri.TryCreate(url.GetString()?.Split(';')[0], UriKind.Absolute, out var address))
        {
            throw new InvalidOperationException($"{path} has no '{LaunchProfile}' profile with an applicationUrl.");
        }

        var environment = profile.TryGetProperty("environmentVariables", out var variables)
            ? variables.EnumerateObject().ToDictionary(variable => variable.Name, variable => variable.Value.GetString() ?? "")
            : [];
        return (address.Port, environment);
    }
}
