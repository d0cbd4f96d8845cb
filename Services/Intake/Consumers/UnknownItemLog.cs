namespace ProposalPlatform.Intake.Consumers;

/// <summary>
/// Intake registers every item before any other service hears of it, so an event about an item it
/// does not know cannot be applied later either: it is logged and left, not retried.
/// </summary>
internal static partial class UnknownItemLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Event} is about item {ProposalId}, which intake does not know; nothing was recorded")]
    public static partial void Skipped(ILogger logger, string @event, Guid proposalId);
}
