using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProposalPlatform.FaultSuite.Faults;

/// <summary>What the assigning office's client was told of its batch: finished, or the rows kept so far.</summary>
/// <param name="AcknowledgedNumbers">The numbers of the rows the platform answered for: all valid rows of a completed batch, else those through the last line a 503 said was kept.</param>
public sealed record BatchOutcome(bool Completed, IReadOnlyList<int> AcknowledgedNumbers, string Status, int Attempts);

/// <summary>
/// One batch of the assigning office through the gateway's batch API, as its client sends it: the same
/// body posted again after a passing fault (503, 5xx, no answer) or while another upload of it is still
/// at work (409), until it is answered 201 or 200 — the same reference and content goes on after the
/// rows already kept, taking nothing in twice. A 503 that says intake finishes the batch by itself
/// (<c>finishedByIntake</c>) is followed at its <c>batchUrl</c> to the batch's end instead.
/// </summary>
public sealed class BatchUpload
{
    public const string Client = "batch";

    /// <summary>One upload's own time limit.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMinutes(3);

    private readonly HttpClient _gateway;
    private readonly IReadOnlyList<int> _numbers;
    private readonly byte[] _body;
    private readonly ClientErrors _errors;

    public BatchUpload(HttpClient gateway, string reference, IReadOnlyList<JsonObject> items, ClientErrors errors)
    {
        _gateway = gateway;
        _errors = errors;
        Reference = reference;
        _numbers = [.. items.Select(item => item["number"]!.GetValue<int>())];
        _body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["batchReference"] = reference,
            ["assignedAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["items"] = new JsonArray([.. items]),
        });
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(_body));
    }

    public string Reference { get; }

    /// <summary>The SHA-256 of the body, by which intake finds the batch (<c>GET /api/intake/batches?reference=…&amp;contentHash=…</c>).</summary>
    public string ContentHash { get; }

    public async Task<BatchOutcome> RunAsync(CancellationToken giveUp)
    {
        var keptThroughLine = 0;
        var status = "not taken in";
        var attempts = 0;
        while (!giveUp.IsCancellationRequested)
        {
            attempts++;
            var wait = TimeSpan.FromSeconds(2);
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(giveUp);
                attempt.CancelAfter(AttemptTimeout);
                using var content = new ByteArrayContent(_body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await _gateway.PostAsync("/api/intake/batches", content, attempt.Token);
                var answer = await ReadAsync(response, attempt.Token);
                var report = response.IsSuccessStatusCode ? answer : answer?["batch"] as JsonObject;
                if (!response.IsSuccessStatusCode && answer?["finishedByIntake"]?.GetValue<bool>() == true && answer["batchUrl"]?.GetValue<string>() is { } batchUrl)
                {
                    // interrupted, and intake finishes it by itself: followed to its end, not posted again
                    _errors.Add(Client, response.StatusCode);
                    keptThroughLine = Math.Max(keptThroughLine, answer["processedThroughLine"]?.GetValue<int>() ?? 0);
                    report = await FollowAsync(batchUrl, giveUp) ?? report;
                    if (report?["status"]?.GetValue<string>() == "Completed")
                    {
                        return Outcome(report, attempts);
                    }

                    continue; // it failed after all (or could not be followed): posted again
                }

                status = report?["status"]?.GetValue<string>() ?? status;
                keptThroughLine = Math.Max(keptThroughLine, report?["keptThroughLine"]?.GetValue<int>() ?? 0);
                if (response.IsSuccessStatusCode)
                {
                    return Outcome(report, attempts, keptThroughLine);
                }

                _errors.Add(Client, response.StatusCode);
                if (response.StatusCode != HttpStatusCode.Conflict && !ClientErrors.MayRetry(response.StatusCode))
                {
                    break;
                }

                wait = ClientErrors.RetryAfter(response, wait);
            }
            catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or InvalidOperationException or JsonException)
            {
                _errors.Add(Client, ex);
            }

            try
            {
                await Task.Delay(wait, giveUp);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return new BatchOutcome(false, [.. _numbers.Take(keptThroughLine)], status, attempts);
    }

    private BatchOutcome Outcome(JsonObject? report, int attempts, int keptThroughLine = 0)
    {
        var status = report?["status"]?.GetValue<string>() ?? "not taken in";
        var refused = (report?["errors"]?.AsArray() ?? []).Select(e => e!["line"]!.GetValue<int>()).ToHashSet();
        var completed = status == "Completed";
        var through = completed ? _numbers.Count : Math.Max(keptThroughLine, report?["keptThroughLine"]?.GetValue<int>() ?? 0);
        return new BatchOutcome(completed, [.. _numbers.Take(through).Where((_, i) => !refused.Contains(i + 1))], status, attempts);
    }

    /// <summary>The batch at <paramref name="batchUrl"/> read every second until it is no longer in processing; null when it could not be read by then.</summary>
    private async Task<JsonObject?> FollowAsync(string batchUrl, CancellationToken giveUp)
    {
        JsonObject? last = null;
        while (!giveUp.IsCancellationRequested)
        {
            try
            {
                using var response = await _gateway.GetAsync(batchUrl, giveUp);
                if (response.IsSuccessStatusCode && await ReadAsync(response, giveUp) is { } batch)
                {
                    last = batch;
                    if (batch["status"]?.GetValue<string>() != "Processing")
                    {
                        return batch;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is OperationCanceledException && !giveUp.IsCancellationRequested))
            {
                // intake not back yet: read again in a moment
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), giveUp);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return last;
    }

    /// <summary>Until intake has stored some of the batch's rows (or taken all of it in), or <paramref name="within"/> has passed: the moment to put a fault in.</summary>
    public async Task<bool> UnderWayAsync(TimeSpan within, Task upload)
    {
        var clock = Stopwatch.StartNew();
        var query = $"/api/intake/batches?reference={Uri.EscapeDataString(Reference)}&contentHash={ContentHash}";
        while (clock.Elapsed < within && !upload.IsCompleted)
        {
            using var response = await _gateway.GetAsync(query);
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<JsonObject>() is { } batch
                && (batch["rowsProcessed"]?.GetValue<int>() > 0 || batch["status"]?.GetValue<string>() != "Processing"))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return upload.IsCompleted;
    }

    private static async Task<JsonObject?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
            : null;
}
