using MassTransit;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Infrastructure.Messaging;

namespace ProposalPlatform.Intake.Consumers;

/// <summary>
/// Extensions are told in the item's story, which is reporting's now. This consumer only empties what
/// its queue still holds from before (reporting had its own copy), and its queue receives nothing more
/// (<see cref="RetiredSubscription"/>).
/// </summary>
public sealed class DeadlineExtendedConsumer : IConsumer<DeadlineExtended>
{
    public Task Consume(ConsumeContext<DeadlineExtended> context) => Task.CompletedTask;
}

public sealed class DeadlineExtendedConsumerDefinition : RetiredSubscriptionDefinition<DeadlineExtendedConsumer>;
