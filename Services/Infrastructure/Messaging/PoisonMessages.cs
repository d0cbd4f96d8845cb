using System.Diagnostics.Metrics;
using MassTransit;
using MassTransit.Middleware.Rescue;
using MassTransit.Transports;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Infrastructure.Messaging;

/// <summary>
/// A batch with a message in it that can never succeed: MassTransit faults a batch as a whole, so
/// the healthy messages would go to <c>_error</c> beside the poison. Instead the batch is applied again
/// one message at a time, and each message that fails alone is moved to the endpoint's <c>_error</c>
/// queue by itself, as MassTransit moves a faulted message (its body and id unchanged, the exception in
/// its <c>MT-Fault-*</c> headers), while the rest are applied and acknowledged.
/// </summary>
public static class PoisonMessages
{
    public const string MeterName = "ProposalPlatform.Messaging";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Moved = Meter.CreateCounter<long>(
        "proposalplatform.messages.poisoned", "{message}", "Messages of a batch that failed alone and were moved to the endpoint's _error queue by themselves.");

    /// <summary>
    /// Applies the batch's messages together; if that fails for a reason that will not pass (see
    /// <see cref="TransientFaults"/>), one by one, each failing one moved to <c>_error</c> alone. A passing
    /// fault is thrown: the batch is tried again later, what was applied already is not applied twice.
    /// </summary>
    public static async Task ApplyAsync<T>(ConsumeContext<Batch<T>> context, Func<IReadOnlyList<ConsumeContext<T>>, Task> apply)
        where T : class
    {
        var messages = context.Message.ToList();
        try
        {
            await apply(messages);
            return;
        }
        catch (Exception exception) when (messages.Count > 1 && !TransientFaults.IsPassing(exception) && !context.CancellationToken.IsCancellationRequested)
        {
            LogContext.Warning?.Log(exception, "A batch of {Count} {MessageType} failed; applying its messages one by one", messages.Count, typeof(T).Name);
        }

        foreach (var message in messages)
        {
            try
            {
                await apply([message]);
            }
            catch (Exception exception) when (!TransientFaults.IsPassing(exception) && !context.CancellationToken.IsCancellationRequested)
            {
                await MoveToErrorQueueAsync(message, exception);
            }
        }
    }

    private static async Task MoveToErrorQueueAsync<T>(ConsumeContext<T> message, Exception exception)
        where T : class
    {
        var receive = message.ReceiveContext;
        if (!receive.TryGetPayload(out IErrorTransport? errorTransport))
        {
            // no error queue to move it to (not a broker's endpoint): the batch faults as it would have
            throw new InvalidOperationException($"The {typeof(T).Name} {message.MessageId} failed and its endpoint has no error transport.", exception);
        }

        await errorTransport.Send(new RescueExceptionReceiveContext(receive, exception));
        LogContext.Error?.Log(exception, "{MessageType} {MessageId} failed alone and was moved to the error queue of {InputAddress}",
            typeof(T).Name, message.MessageId, receive.InputAddress);
        Moved.Add(1, new KeyValuePair<string, object?>("queue", receive.InputAddress.AbsolutePath.Trim('/')), new KeyValuePair<string, object?>("message_type", typeof(T).Name));
    }
}
