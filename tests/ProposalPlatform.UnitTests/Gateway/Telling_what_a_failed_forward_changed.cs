using Microsoft.AspNetCore.Http;
using ProposalPlatform.Gateway;
using Yarp.ReverseProxy.Forwarder;

namespace ProposalPlatform.UnitTests.Gateway;

public class Telling_what_a_failed_forward_changed
{
    private static HttpRequest Request(string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        return context.Request;
    }

    [Fact]
    public void A_request_that_never_reached_the_service_changed_nothing()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");

        Assert.Equal("The request did not reach it: nothing was changed; retry later.",
            GatewayExtensions.WhatChanged(Request("POST", "/api/intake/batches"), ForwarderError.Request, refused));
        Assert.Equal("The request did not reach it: nothing was changed; retry later.",
            GatewayExtensions.WhatChanged(Request("POST", "/api/replies/x/draft"), ForwarderError.NoAvailableDestinations, null));
    }

    [Fact]
    public void A_batch_that_did_not_reach_intake_whole_changed_nothing()
    {
        var problem = InterruptedBatches.Describe("The intake service is unavailable.", Forwarded, 503, BatchUploadSeen.NotWhollySent, null, null);

        Assert.Equal($"{Forwarded} The batch did not reach intake whole, and intake stores nothing of a batch before it has read all of it: nothing was changed; post the same batch again.", problem.Detail);
        Assert.Equal(false, problem.Extensions["finishedByIntake"]);
    }

    [Fact]
    public void A_batch_intake_keeps_a_copy_of_is_finished_by_intake_and_the_answer_says_what_was_kept_and_where_to_follow_it()
    {
        var batch = Batch("Processing", kept: 1000, finishedByIntake: true);

        var problem = InterruptedBatches.Describe("The intake service is unavailable.", Forwarded, 503, BatchUploadSeen.Found, batch, Find);

        Assert.Equal(
            $"{Forwarded} Intake kept the rows through line 1000 (1000 rows) and a copy of the batch, and takes in the rest by itself, nothing twice: follow it at /api/intake/batches/{Id}; there is no need to post it again.",
            problem.Detail);
        Assert.Equal((true, Id, $"/api/intake/batches/{Id}", 1000),
            (problem.Extensions["finishedByIntake"], problem.Extensions["batchId"], problem.Extensions["batchUrl"], problem.Extensions["processedThroughLine"]));
        Assert.DoesNotContain("nothing was changed", problem.Detail!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_batch_intake_cannot_finish_is_to_be_posted_again_and_one_it_completed_is_not()
    {
        var failed = InterruptedBatches.Describe("t", Forwarded, 503, BatchUploadSeen.Found, Batch("Failed", kept: 500, finishedByIntake: false), Find);
        var completed = InterruptedBatches.Describe("t", Forwarded, 503, BatchUploadSeen.Found, Batch("Completed", kept: 5001, finishedByIntake: false), Find);
        var none = InterruptedBatches.Describe("t", Forwarded, 503, BatchUploadSeen.NotStored, null, Find);

        Assert.Equal(false, failed.Extensions["finishedByIntake"]);
        Assert.Contains("post the same batch again to go on after them", failed.Detail!, StringComparison.Ordinal);
        Assert.Equal(true, completed.Extensions["finishedByIntake"]);
        Assert.Contains("Intake has taken the whole batch in (5001 rows)", completed.Detail!, StringComparison.Ordinal);
        Assert.Equal(false, none.Extensions["finishedByIntake"]);
        Assert.Contains("nothing of it was stored", none.Detail!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_intake_said_nothing_of_in_time_is_to_be_followed_by_its_content()
    {
        var problem = InterruptedBatches.Describe("t", Forwarded, 503, BatchUploadSeen.Unknown, null, Find);

        Assert.Equal(Find, problem.Extensions["batchUrl"]);
        Assert.False(problem.Extensions.ContainsKey("finishedByIntake"));
    }

    [Fact]
    public void The_body_of_an_upload_is_hashed_as_it_passes_and_only_once_it_was_read_to_its_end()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("{\"batchReference\":\"NPC-2001-1\",\"items\":[]}");
        using var hashing = new InterruptedBatches.HashingStream(new MemoryStream(body));
        var buffer = new byte[7];

        Assert.Equal(7, hashing.Read(buffer, 0, 7));
        Assert.Null(hashing.ContentHash);
        while (hashing.Read(buffer, 0, buffer.Length) > 0)
        {
        }

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)), hashing.ContentHash);
    }

    private const string Forwarded = "The gateway could not forward the request to intake (Request).";
    private const string Find = "/api/intake/batches?contentHash=ab";
    private static readonly Guid Id = Guid.Parse("5d1e2f3a-0000-4000-8000-000000000016");

    private static System.Text.Json.Nodes.JsonObject Batch(string status, int kept, bool finishedByIntake) => new()
    {
        ["id"] = Id,
        ["status"] = status,
        ["keptThroughLine"] = kept,
        ["rowsProcessed"] = kept,
        ["finishedByIntake"] = finishedByIntake,
    };

    [Fact]
    public void Another_write_that_timed_out_may_have_been_done()
    {
        var said = GatewayExtensions.WhatChanged(Request("POST", "/api/intake/proposals"), ForwarderError.RequestTimedOut, null);

        Assert.Equal("The service may have done the request before it stopped answering: look before sending it again.", said);
    }

    [Fact]
    public void A_read_only_says_to_retry()
    {
        Assert.Equal("Retry later.", GatewayExtensions.WhatChanged(Request("GET", "/api/intake/proposals"), ForwarderError.RequestTimedOut, null));
    }
}
