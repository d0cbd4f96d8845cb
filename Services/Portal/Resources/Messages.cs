namespace ProposalPlatform.Portal.Resources;

/// <summary>
/// The services' messages in Chinese: <c>Messages.resx</c> holds a template per message shape
/// (<see cref="Clients.ServiceMessages"/>), and the words of the values they carry.
/// </summary>
public sealed class Messages;
