using Aspire.Hosting.ApplicationModel;

namespace ProposalPlatform.AppHost.Infrastructure;

/// <summary>A PostgreSQL server the AppHost makes the platform's databases and their roles on.</summary>
/// <param name="Resource">The server's resource, healthy before anything is made on it; null for a server the deployment runs.</param>
/// <param name="AdminConnectionString">An administrative role's connection string: the AppHost's alone, never given to a service.</param>
/// <param name="Address">What the roles' connection strings start with: host, port and the TLS settings.</param>
public sealed record DatabaseServer(IResource? Resource, ReferenceExpression AdminConnectionString, ReferenceExpression Address);
