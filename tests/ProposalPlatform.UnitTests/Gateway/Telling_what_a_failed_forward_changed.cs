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
    public void A_batch_cut_off_mid_way_may_have_been_stored_in_part_and_goes_on_when_posted_again()
    {
        var reset = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely");

        var said = GatewayExtensions.WhatChanged(Request("POST", "/api/intake/batches"), ForwarderError.Request, reset);

        Assert.Equal("The service may have stored part of the batch before it stopped answering: what it stored is kept, and the same batch posted again later goes on after it.", said);
    }

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
