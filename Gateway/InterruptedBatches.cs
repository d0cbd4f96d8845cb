using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.Gateway;

/// <summary>What the gateway learnt of a batch upload it could not see through.</summary>
public enum BatchUploadSeen
{
    /// <summary>The body did not reach intake whole: intake keeps nothing of a batch it has not read to its end.</summary>
    NotWhollySent,

    /// <summary>Intake answered that it holds no batch of this content: nothing of it was stored.</summary>
    NotStored,

    /// <summary>Intake answered with the batch the upload made.</summary>
    Found,

    /// <summary>Intake did not answer in the time the gateway waits.</summary>
    Unknown,
}

/// <summary>
/// When intake stops answering a batch upload (it died, or was stopped, mid-way), the gateway tells the
/// client the truth: it hashes the body as it passes it on, and once the body went through whole asks
/// intake (a replica, or the same one once restarted) for the batch of that content, for at most
/// <see cref="LookupFor"/>. A batch intake kept a copy of is finished by intake itself
/// (<c>finishedByIntake: true</c>, with <c>batchId</c>, <c>batchUrl</c> and what was stored).
/// </summary>
public static class InterruptedBatches
{
    public const string ClientName = "intake-batches";

    /// <summary>How long the gateway waits for intake to say what became of an interrupted upload.</summary>
    public static readonly TimeSpan LookupFor = TimeSpan.FromSeconds(20);

    public static IServiceCollection AddInterruptedBatchLookup(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName, client => client.BaseAddress = new Uri($"http://{ResourceNames.Intake}"));
        return services;
    }

    public static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(GatewayRoutes.BatchesPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Passes a batch upload's body on through a hash of it.</summary>
    public static void Watch(HttpContext context)
    {
        if (IsUpload(context.Request))
        {
            var hashing = new HashingStream(context.Request.Body);
            context.Request.Body = hashing;
            context.Features.Set(hashing);
        }
    }

    /// <summary>The answer to a batch upload whose forward failed after it reached intake.</summary>
    public static async Task<ProblemDetails> ProblemAsync(HttpContext context, string title, string forwarded, int status)
    {
        var hashing = context.Features.Get<HashingStream>();
        if (hashing?.ContentHash is not { } contentHash)
        {
            return Describe(title, forwarded, status, BatchUploadSeen.NotWhollySent, null, null);
        }

        var reference = context.Request.Query["batchReference"].ToString();
        var find = $"{GatewayRoutes.BatchesPrefix}?contentHash={contentHash}" + (reference.Length > 0 ? $"&reference={Uri.EscapeDataString(reference)}" : "");
        var (seen, batch) = await LookUpAsync(context, find);
        return Describe(title, forwarded, status, seen, batch, find);
    }

    /// <summary>The problem that tells what became of the batch, from what the gateway learnt.</summary>
    public static ProblemDetails Describe(string title, string forwarded, int status, BatchUploadSeen seen, JsonObject? batch, string? find)
    {
        var problem = new ProblemDetails { Status = status, Title = title };
        switch (seen)
        {
            case BatchUploadSeen.NotWhollySent:
                problem.Detail = $"{forwarded} The batch did not reach intake whole, and intake stores nothing of a batch before it has read all of it: nothing was changed; post the same batch again.";
                problem.Extensions["finishedByIntake"] = false;
                break;
            case BatchUploadSeen.NotStored:
                problem.Detail = $"{forwarded} Intake holds no batch of this content: nothing of it was stored; post the same batch again.";
                problem.Extensions["finishedByIntake"] = false;
                break;
            case BatchUploadSeen.Found when batch is not null:
                var id = batch["id"]?.GetValue<Guid>() ?? Guid.Empty;
                var kept = batch["keptThroughLine"]?.GetValue<int>() ?? 0;
                var rows = batch["rowsProcessed"]?.GetValue<int>() ?? 0;
                var state = batch["status"]?.GetValue<string>();
                var finished = state == "Completed" || batch["finishedByIntake"]?.GetValue<bool>() == true;
                var url = $"{GatewayRoutes.BatchesPrefix}/{id}";
                problem.Detail = (state, finished) switch
                {
                    ("Completed", _) => $"{forwarded} Intake has taken the whole batch in ({rows} rows): there is no need to post it again; see {url}.",
                    (_, true) => $"{forwarded} Intake kept the rows through line {kept} ({rows} rows) and a copy of the batch, and takes in the rest by itself, nothing twice: follow it at {url}; there is no need to post it again.",
                    _ => $"{forwarded} Intake kept the rows through line {kept} ({rows} rows) but cannot finish the batch by itself: post the same batch again to go on after them; see {url}.",
                };
                problem.Extensions["finishedByIntake"] = finished;
                problem.Extensions["batchId"] = id;
                problem.Extensions["batchUrl"] = url;
                problem.Extensions["processedThroughLine"] = kept;
                problem.Extensions["batch"] = batch;
                break;
            default:
                problem.Detail = $"{forwarded} The batch reached intake whole, but intake did not say in time what it kept: follow it at {find}. " +
                    "When intake kept a copy of it, it finishes the batch by itself; when that address answers that there is no such batch, nothing was stored and the same batch should be posted again.";
                problem.Extensions["batchUrl"] = find;
                break;
        }

        return problem;
    }

    private static async Task<(BatchUploadSeen Seen, JsonObject? Batch)> LookUpAsync(HttpContext context, string find)
    {
        var client = context.RequestServices.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
        using var within = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        within.CancelAfter(LookupFor);
        try
        {
            while (true)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, find);
                    // intake checks the caller's own token: the gateway asks nothing the caller could not
                    request.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
                    using var response = await client.SendAsync(request, within.Token);
                    if (response.StatusCode == HttpStatusCode.NotFound)
                    {
                        return (BatchUploadSeen.NotStored, null);
                    }

                    if (response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync(within.Token)) is JsonObject batch)
                    {
                        return (BatchUploadSeen.Found, batch);
                    }
                }
                catch (HttpRequestException)
                {
                    // intake is not back yet
                }

                await Task.Delay(TimeSpan.FromSeconds(1), within.Token);
            }
        }
        catch (OperationCanceledException)
        {
            return (BatchUploadSeen.Unknown, null);
        }
    }

    /// <summary>A request body read through a SHA-256 of it: the hash is there once the body was read to its end.</summary>
    public sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        /// <summary>The SHA-256 of the whole body, lowercase hex; null until it was read to its end.</summary>
        public string? ContentHash { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => count == 0 ? 0 : Seen(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.Length == 0)
            {
                return 0;
            }

            var read = await inner.ReadAsync(buffer, cancellationToken);
            return Seen(buffer.Span[..read]);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Seen(ReadOnlySpan<byte> read)
        {
            if (read.Length == 0)
            {
                ContentHash ??= Convert.ToHexStringLower(_sha.GetHashAndReset());
            }
            else
            {
                _sha.AppendData(read);
            }

            return read.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _sha.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
