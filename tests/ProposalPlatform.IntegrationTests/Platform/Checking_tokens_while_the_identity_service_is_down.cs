using System.Net;
using System.Net.Http.Headers;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// Checking a token asks nobody: with the identity service stopped, a token issued before is still
/// let in by the gateway and every service, which hold the signing keys; only new tokens wait for it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Checking_tokens_while_the_identity_service_is_down(PlatformFixture platform)
{
    [Fact]
    public async Task A_token_issued_before_keeps_working_and_no_request_waits_for_the_identity_service()
    {
        // Arrange: a token, and every service has checked one already
        var (token, _) = await ClientCredentialsHandler.RequestAsync(
            platform.TokenEndpoint, platform.OfficeClientCredentials.ClientId, platform.OfficeClientCredentials.Secret, CancellationToken.None);
        string[] reads = ["/api/intake/proposals?pageSize=1", "/api/assignment/units", "/api/contacts/entrusted?district=DIST-SHENZHEN", "/api/replies/follow-ups"];
        using var http = new HttpClient { BaseAddress = platform.GatewayAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var path in reads)
        {
            using var warm = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();
        var stopped = await commands.ExecuteCommandAsync(ResourceNames.Identity, KnownResourceCommands.StopCommand);
        Assert.True(stopped.Success, stopped.Message);
        try
        {
            await Eventually.Until(
                async () =>
                {
                    try
                    {
                        using var probe = await new HttpClient().GetAsync(new Uri(platform.App.GetEndpoint(ResourceNames.Identity, "http"), "/alive"));
                        return false;
                    }
                    catch (HttpRequestException)
                    {
                        return true;
                    }
                },
                down => down,
                "the identity service to stop");

            // Act + Assert
            foreach (var path in reads)
            {
                var started = DateTime.UtcNow;
                using var response = await http.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), $"{path} waited {(DateTime.UtcNow - started).TotalSeconds:F1} s");
            }
        }
        finally
        {
            var restarted = await commands.ExecuteCommandAsync(ResourceNames.Identity, KnownResourceCommands.StartCommand);
            Assert.True(restarted.Success, restarted.Message);
            // running and healthy again: not a wait that gives up on the stopped state the start command leaves behind it for a moment
            await platform.App.HealthyAsync(ResourceNames.Identity);
        }

        // the identity service is back: new tokens again
        var (again, _) = await ClientCredentialsHandler.RequestAsync(
            platform.TokenEndpoint, platform.OfficeClientCredentials.ClientId, platform.OfficeClientCredentials.Secret, CancellationToken.None);
        Assert.False(string.IsNullOrEmpty(again));
    }
}
