using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.IntegrationTests.Platform.Fuzzing;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// The OpenAPI documents the gateway serves, as a reader gets them: linted with Spectral's OpenAPI
/// rules (the repository's <c>.spectral.yaml</c>), and saying what each operation needs.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class Linting_the_api_documents(PlatformFixture platform)
{
    private static readonly string[] Services = ApiDocuments.Names;

    [Fact]
    public async Task Every_services_document_has_no_error_and_no_warning()
    {
        // Arrange: each document as the gateway serves it, to anyone
        var folder = Directory.CreateTempSubdirectory("proposalplatform-openapi-");
        try
        {
            using var reader = platform.Anonymous();
            var documents = new List<string>();
            foreach (var service in Services)
            {
                var path = Path.Combine(folder.FullName, $"{service}.json");
                await File.WriteAllTextAsync(path, await reader.GetStringAsync($"/openapi/{service}/v1.json"));
                documents.Add(path);
            }

            // Act
            var (exitCode, output) = await Spectral.LintAsync(documents);

            // Assert
            Assert.True(exitCode == 0, $"Spectral {Spectral.Version} found errors or warnings (exit code {exitCode}):\n{output}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Each_operation_names_its_roles_and_refusals_and_anonymous_ones_none()
    {
        // Arrange
        using var reader = platform.Anonymous();

        // Act
        var intake = await DocumentAsync(reader, "intake");
        var identity = await DocumentAsync(reader, "identity");

        // Assert: the group's staff policy and the endpoint's own roles leave the office and districts
        var register = intake["paths"]!["/api/intake/proposals"]!["post"]!;
        Assert.Equal([PlatformRoles.ProposalOffice, PlatformRoles.DistrictOfficer], Roles(register));
        Assert.EndsWith($"Requires one of the roles {PlatformRoles.ProposalOffice} or {PlatformRoles.DistrictOfficer}.", register["description"]!.GetValue<string>());
        Assert.Equal(["oauth2", "bearer"], register["security"]!.AsArray().Select(r => r!.AsObject().Single().Key));
        Assert.Equal("api", register["security"]![0]!["oauth2"]![0]!.GetValue<string>());
        foreach (var status in new[] { "401", "403" })
        {
            Assert.NotNull(register["responses"]![status]!["content"]!["application/problem+json"]);
        }

        Assert.Null(register["responses"]!["404"]);

        var get = intake["paths"]!["/api/intake/proposals/{id}"]!["get"]!;
        Assert.Equal([PlatformRoles.ProposalOffice, PlatformRoles.UnitHandler, PlatformRoles.UnitHead, PlatformRoles.DistrictOfficer], Roles(get));
        Assert.NotNull(get["responses"]!["404"]!["content"]!["application/problem+json"]);

        // the identity service's admin API needs the office's role claim; its token endpoint needs no token
        Assert.Equal([PlatformRoles.ProposalOffice], Roles(identity["paths"]!["/api/identity/people"]!["get"]!));
        var token = identity["paths"]!["/connect/token"]!["post"]!;
        Assert.Null(token["security"]);
        Assert.Null(token["responses"]!["401"]);

        var flows = intake["components"]!["securitySchemes"]!["oauth2"]!["flows"]!;
        Assert.Equal("/connect/token", flows["clientCredentials"]!["tokenUrl"]!.GetValue<string>());
        Assert.Equal("/connect/authorize", flows["authorizationCode"]!["authorizationUrl"]!.GetValue<string>());
        Assert.Null(intake["paths"]!["/testing/clock"]);
    }

    [Fact]
    public async Task The_reference_ui_loads_nothing_from_elsewhere()
    {
        // Arrange
        using var reader = platform.Anonymous();

        // Act
        var page = await reader.GetStringAsync("/scalar/");

        // Assert: every script and stylesheet is the gateway's own, and is there
        var sources = AssetReference().Matches(page).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.DoesNotContain("//", source, StringComparison.Ordinal));
        foreach (var source in sources)
        {
            using var asset = await reader.GetAsync(new Uri(new Uri(platform.GatewayAddress, "/scalar/"), source));
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }
    }

    private static async Task<JsonNode> DocumentAsync(HttpClient reader, string service) =>
        JsonNode.Parse(await reader.GetStringAsync($"/openapi/{service}/v1.json")) ?? throw new InvalidOperationException($"{service}'s document is empty.");

    private static string[] Roles(JsonNode operation) =>
        [.. operation["x-required-roles"]!.AsArray().Select(r => r!.GetValue<string>())];

    [GeneratedRegex("""<(?:script|link)\b[^>]*\b(?:src|href)="(?<url>[^"]+)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex AssetReference();
}
