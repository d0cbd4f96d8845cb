using ProposalPlatform.Infrastructure.Hosting;

namespace ProposalPlatform.Intake.Workers;

/// <summary>Wakes the indexing worker when items were registered or corrected, instead of waiting for its next look.</summary>
public sealed class IndexingSignal : WakeSignal;
