using ProposalPlatform.Infrastructure.Hosting;

namespace ProposalPlatform.Infrastructure.Outbox;

/// <summary>Wakes the relay as soon as a transaction that wrote outbox rows has committed.</summary>
public sealed class OutboxSignal : WakeSignal;
