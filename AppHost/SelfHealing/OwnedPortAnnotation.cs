using Aspire.Hosting.ApplicationModel;

namespace ProposalPlatform.AppHost.SelfHealing;

/// <summary>A fixed port the resource listens on that is no endpoint of it (RabbitMQ's distribution port, its epmd's).</summary>
public sealed record OwnedPortAnnotation(string Name, int Port) : IResourceAnnotation;
