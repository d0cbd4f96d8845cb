using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using ProposalPlatform.Benchmark;

namespace ProposalPlatform.FaultSuite.Faults;

/// <summary>
/// Single items registered through the gateway at a steady rate, as a district's system sends them:
/// each one is sent again as it was after a passing fault (5xx, 429, no answer) until it is answered
/// 201 or 200 — a number seen again in its session answers the item already stored, so a retry never
/// makes a second one. An item is acknowledged once answered so. At most <see cref="MaxInFlight"/>
/// wait at once; a tick that finds them all waiting sends nothing.
/// </summary>
public sealed class SteadySingles(HttpClient gateway, SessionGenerator generator, int sessionYear, int firstNumber, int perSecond, Stopwatch clock, ClientErrors errors)
{
    public const int MaxInFlight = 200;
    public const string Client = "single";

    /// <summary>One attempt's own time limit: the gateway gives up on a service after 30 s.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(40);

    private readonly ConcurrentDictionary<int, byte> _acknowledged = new();
    private readonly ConcurrentQueue<(TimeSpan SentAt, TimeSpan AnsweredAt)> _successes = new();
    private readonly List<Task> _items = [];
    private readonly CancellationTokenSource _stopSending = new();
    private readonly CancellationTokenSource _giveUp = new();
    private Task? _sending;
    private int _inFlight;
    private int _refused;

    public IReadOnlyCollection<int> Acknowledged => [.. _acknowledged.Keys];

    public int Sent { get; private set; }

    /// <summary>Ticks that sent nothing because <see cref="MaxInFlight"/> items were waiting.</summary>
    public int HeldBack { get; private set; }

    /// <summary>Items answered with a 4xx that no retry changes: none should be.</summary>
    public int Refused => _refused;

    public void Start() => _sending = SendAsync(_stopSending.Token);

    /// <summary>How long after <paramref name="from"/> the first item sent then was answered with success; null while none is.</summary>
    public TimeSpan? FirstSuccessAfter(TimeSpan from) =>
        _successes.Where(s => s.SentAt >= from).Select(s => (TimeSpan?)(s.AnsweredAt - from)).Min();

    /// <summary>Stops sending new items; those still waiting are given until <paramref name="drainWithin"/> from now, then given up (not acknowledged).</summary>
    public async Task StopAsync(TimeSpan drainWithin)
    {
        await _stopSending.CancelAsync();
        await (_sending ?? Task.CompletedTask);
        _giveUp.CancelAfter(drainWithin);
        await Task.WhenAll(_items);
    }

    private async Task SendAsync(CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var started = clock.Elapsed;
        for (var tick = 0; !stop.IsCancellationRequested; tick++)
        {
            var wait = started + interval * tick - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (Volatile.Read(ref _inFlight) >= MaxInFlight)
            {
                HeldBack++;
                continue;
            }

            var number = firstNumber + Sent++;
            var body = JsonSerializer.SerializeToUtf8Bytes(generator.Item("Suggestion", sessionYear, number));
            Interlocked.Increment(ref _inFlight);
            _items.Add(Task.Run(() => RegisterAsync(number, body)));
        }
    }

    private async Task RegisterAsync(int number, byte[] body)
    {
        try
        {
            while (!_giveUp.IsCancellationRequested)
            {
                var sentAt = clock.Elapsed;
                var wait = TimeSpan.FromSeconds(1);
                try
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(_giveUp.Token);
                    attempt.CancelAfter(AttemptTimeout);
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await gateway.PostAsync("/api/intake/proposals", content, attempt.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        _acknowledged[number] = 0;
                        _successes.Enqueue((sentAt, clock.Elapsed));
                        return;
                    }

                    errors.Add(Client, response.StatusCode);
                    if (!ClientErrors.MayRetry(response.StatusCode))
                    {
                        Interlocked.Increment(ref _refused);
                        return;
                    }

                    wait = ClientErrors.RetryAfter(response, wait);
                }
                catch (OperationCanceledException) when (_giveUp.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or InvalidOperationException)
                {
                    errors.Add(Client, ex);
                }

                try
                {
                    await Task.Delay(wait, _giveUp.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
