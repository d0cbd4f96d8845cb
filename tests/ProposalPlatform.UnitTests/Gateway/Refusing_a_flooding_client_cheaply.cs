using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ProposalPlatform.Gateway;

namespace ProposalPlatform.UnitTests.Gateway;

public class Refusing_a_flooding_client_cheaply
{
    private static readonly string Searches = ClientRateLimits.Policies[Budget.Searches];
    private static readonly string Calls = ClientRateLimits.Policies[Budget.Calls];

    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();

    private static Refusals Refusals(TimeSpan maxHold, TimeProvider? clock = null) =>
        new(Options.Create(new RateLimitOptions { MaxRefusalHold = maxHold }), clock ?? TimeProvider.System);

    private static DefaultHttpContext Call(string policy, string token)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Response.Body = new MemoryStream();
        context.Request.Headers.Authorization = $"Bearer {token}";
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new EnableRateLimitingAttribute(policy)), "intake-search-api"));
        return context;
    }

    private static async Task<JsonNode> Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return (await JsonNode.ParseAsync(context.Response.Body))!;
    }

    [Fact]
    public async Task Refuses_the_very_token_that_was_refused_again_before_it_is_checked()
    {
        // Arrange
        var refusals = Refusals(TimeSpan.Zero);
        await refusals.RefuseAsync(Call(Searches, "token-of-ningbo"), TimeSpan.FromSeconds(1), CancellationToken.None);
        var again = Call(Searches, "token-of-ningbo");

        // Act
        var refused = await refusals.TryRefuseAgainAsync(again);

        // Assert
        Assert.True(refused);
        Assert.Equal(StatusCodes.Status429TooManyRequests, again.Response.StatusCode);
        Assert.Equal("1", again.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("This client has used its budget of searches for now", (await Body(again))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lets_another_token_through_to_be_checked_even_one_that_names_the_same_subject()
    {
        var refusals = Refusals(TimeSpan.Zero);
        await refusals.RefuseAsync(Call(Searches, "header.{\"sub\":\"dist-ningbo\"}.signature"), TimeSpan.FromSeconds(1), CancellationToken.None);

        var forged = await refusals.TryRefuseAgainAsync(Call(Searches, "header.{\"sub\":\"dist-ningbo\"}.forged"));

        Assert.False(forged);
    }

    [Fact]
    public async Task Keeps_a_tokens_other_budgets_apart()
    {
        var refusals = Refusals(TimeSpan.Zero);
        await refusals.RefuseAsync(Call(Searches, "token-of-ningbo"), TimeSpan.FromSeconds(1), CancellationToken.None);

        var ordinary = await refusals.TryRefuseAgainAsync(Call(Calls, "token-of-ningbo"));

        Assert.False(ordinary);
    }

    [Fact]
    public async Task Lets_the_token_through_again_once_its_budget_would_take_a_call()
    {
        var clock = new FakeTimeProvider();
        var refusals = Refusals(TimeSpan.Zero, clock);
        await refusals.RefuseAsync(Call(Searches, "token-of-ningbo"), TimeSpan.FromMilliseconds(50), CancellationToken.None);

        clock.Advance(TimeSpan.FromMilliseconds(200));
        var later = await refusals.TryRefuseAgainAsync(Call(Searches, "token-of-ningbo"));

        Assert.False(later);
    }

    [Fact]
    public async Task Answers_a_refusal_when_the_budget_would_take_a_call_again_and_no_later_than_the_longest_hold()
    {
        // Arrange
        var refusals = Refusals(TimeSpan.FromSeconds(1));
        var soon = Call(Calls, "token-a");
        var late = Call(Calls, "token-b");

        // Act
        var clock = Stopwatch.StartNew();
        await refusals.RefuseAsync(soon, TimeSpan.FromMilliseconds(100), CancellationToken.None);
        var soonAfter = clock.Elapsed;
        clock.Restart();
        await refusals.RefuseAsync(late, TimeSpan.FromSeconds(5), CancellationToken.None);
        var lateAfter = clock.Elapsed;

        // Assert
        Assert.InRange(soonAfter, TimeSpan.FromMilliseconds(90), TimeSpan.FromMilliseconds(900));
        Assert.InRange(lateAfter, TimeSpan.FromMilliseconds(990), TimeSpan.FromSeconds(4));
        Assert.Equal(StatusCodes.Status429TooManyRequests, late.Response.StatusCode);
        Assert.Equal("4", late.Response.Headers.RetryAfter.ToString());
    }
}
