using Microsoft.Extensions.Configuration;

namespace ProposalPlatform.AppHost.Infrastructure;

public static class OfficeKeyExtensions
{
    public const string FileName = "office.key";

    /// <summary>
    /// The proposal office's first key for the gateway, made once and kept in the data directory
    /// (<c>office.key</c>): with it the office issues every other unit (each customs district) its own.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddOfficeKey(this IDistributedApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Infrastructure").Get<InfrastructureOptions>() ?? new InfrastructureOptions();
        var directory = options.Local.ResolveDataDirectory();
        Directory.CreateDirectory(directory);
        return builder.AddParameter("office-api-key", StableSecrets.ReadOrCreate(Path.Combine(directory, FileName), prefix: "pp_"), secret: true);
    }
}
