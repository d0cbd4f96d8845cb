using Aspire.Hosting.ApplicationModel;

namespace ProposalPlatform.AppHost.Infrastructure;

/// <summary>The broker and the databases, whichever way they were provided.</summary>
public sealed record PlatformInfrastructure(
    InfrastructureMode Mode,
    IResourceBuilder<IResourceWithConnectionString> Broker,
    IReadOnlyDictionary<string, IResourceBuilder<PlatformDatabaseResource>> Databases);
