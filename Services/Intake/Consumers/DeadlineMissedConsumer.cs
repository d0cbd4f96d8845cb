using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Messaging;

namespace ProposalPlatform.Intake.Consumers;

/// <summary>
/// Missed deadlines are told in the item's story, which is reporting's now. This consumer only empties
/// what its queue still holds from before (reporting had its own copy), and its queue receives nothing
/// more (<see cref="RetiredSubscription"/>).
/// </summary>
public sealed class DeadlineMissedConsumer : IConsumer<DeadlineMissed>
{
    public Task Consume(ConsumeContext<DeadlineMissed> context) => Task.CompletedTask;
}

public sealed class DeadlineMissedConsumerDefinition : RetiredSubscriptionDefinition<DeadlineMissedConsumer>;
