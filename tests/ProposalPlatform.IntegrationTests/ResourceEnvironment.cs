using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProposalPlatform.IntegrationTests;

/// <summary>The environment variables the AppHost gives a resource's process, as it would start it.</summary>
public static class ResourceEnvironment
{
    public static async Task<Dictionary<string, string>> OfAsync(IResource resource, DistributedApplicationExecutionContext? context = null)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(context ?? new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), NullLogger.Instance, CancellationToken.None);
        return configuration.EnvironmentVariables.ToDictionary(variable => variable.Key, variable => variable.Value);
    }
}
