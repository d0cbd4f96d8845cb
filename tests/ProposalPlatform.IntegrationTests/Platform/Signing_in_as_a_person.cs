using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.IntegrationTests.Platform;

/// <summary>
/// Staff sign in as people, through the identity service's pages at the gateway: a password, and for
/// the proposal office a second factor; five wrong passwords lock the account; a disabled person
/// signs in no more and refreshes no token.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class Signing_in_as_a_person(PlatformFixture platform)
{
    [Fact]
    public async Task The_offices_first_administrator_signs_in_with_the_authenticator_code_only()
    {
        // Arrange: the credentials the AppHost kept in the data directory
        var admin = platform.OfficeAdmin;
        var (userName, password, key) = (admin["userName"]!.GetValue<string>(), admin["password"]!.GetValue<string>(), admin["authenticatorKey"]!.GetValue<string>());

        // Act
        var withoutCode = await PersonSignIn.SignInAsync(platform.GatewayAddress, userName, password, code: "000000");
        var withCode = await PersonSignIn.SignInAsync(platform.GatewayAddress, userName, password, key);

        // Assert
        Assert.Null(withoutCode.AccessToken);
        Assert.Equal("wrong-code", withoutCode.Refusal);
        Assert.NotNull(withCode.AccessToken);
        using var office = new HttpClient { BaseAddress = platform.GatewayAddress };
        office.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", withCode.AccessToken);
        using var clients = await office.GetAsync("/api/identity/clients");
        Assert.Equal(HttpStatusCode.OK, clients.StatusCode);
    }

    [Fact]
    public async Task Every_office_account_is_made_with_a_second_factor()
    {
        // Act
        var person = await platform.CreatePersonAsync("HQ-OFFICE", PlatformRoles.ProposalOffice);

        // Assert: a key and recovery codes shown once, and no sign-in without one of them
        Assert.False(string.IsNullOrEmpty(person["authenticatorKey"]?.GetValue<string>()));
        Assert.NotEmpty(person["recoveryCodes"]!.AsArray());
        var (userName, password) = (person["userName"]!.GetValue<string>(), person["initialPassword"]!.GetValue<string>());
        var wrong = await PersonSignIn.SignInAsync(platform.GatewayAddress, userName, password, code: "123456");
        var recovered = await PersonSignIn.SignInAsync(platform.GatewayAddress, userName, password, code: person["recoveryCodes"]![0]!.GetValue<string>());
        Assert.Equal("wrong-code", wrong.Refusal);
        Assert.NotNull(recovered.AccessToken);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        // Arrange
        var person = await platform.CreatePersonAsync(PlatformFixture.LeadUnit, PlatformRoles.UnitHandler);
        var (userName, password) = (person["userName"]!.GetValue<string>(), person["initialPassword"]!.GetValue<string>());

        // Act
        var refusals = new List<string?>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            refusals.Add((await PersonSignIn.SignInAsync(platform.GatewayAddress, userName, password + "x")).Refusal);
        }

        var afterwards = await PersonSignIn.SignInAsync(platform.GatewayAddress, userName, password);

        // Assert
        Assert.Equal(Enumerable.Repeat("wrong-password", 4), refusals.Take(4));
        Assert.Equal("locked-out", afterwards.Refusal);
        Assert.Null(afterwards.AccessToken);
        var view = await platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/identity/people/{person["id"]}");
        Assert.NotNull(view!["lockedOutUntil"]?.GetValue<DateTimeOffset>());

        // the audit trail has every failed sign-in and the lockout, named by the person's id
        var trail = await Eventually.Until(
            () => platform.Gateway.GetFromJsonAsync<JsonObject>($"/api/audit/records?actor={person["id"]}&operation=SignIn&pageSize=50"),
            page => page!["total"]!.GetValue<long>() >= 6,
            "the failed sign-ins in the audit trail");
        var outcomes = trail!["records"]!.AsArray().Select(r => r!["outcome"]!.GetValue<string>()).ToList();
        Assert.Equal(6, outcomes.Count);
        Assert.Equal(4, outcomes.Count(o => o == "Unauthenticated"));
        Assert.Equal(2, outcomes.Count(o => o == "LockedOut"));
    }

    [Fact]
    public async Task A_disabled_person_neither_signs_in_nor_refreshes()
    {
        // Arrange: signed in once, with a refresh token
        var person = await platform.CreatePersonAsync(PlatformFixture.LeadUnit, PlatformRoles.UnitHead);
        var (userName, password) = (person["userName"]!.GetValue<string>(), person["initialPassword"]!.GetValue<string>());
        var before = await PersonSignIn.SignInAsync(platform.GatewayAddress, userName, password);
        Assert.NotNull(before.RefreshToken);

        // Act
        using var disabled = await platform.Gateway.PostAsync($"/api/identity/people/{person["id"]}/disable", null);
        var signIn = await PersonSignIn.SignInAsync(platform.GatewayAddress, userName, password);
        var (refreshed, error) = await PersonSignIn.RefreshAsync(platform.GatewayAddress, before.RefreshToken!);

        // Assert
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal("disabled", signIn.Refusal);
        Assert.Null(refreshed);
        Assert.Equal("invalid_grant", error);
    }

    [Fact]
    public async Task A_persons_token_names_the_person_and_the_writes_record_them()
    {
        // Arrange: a handler of the lead unit, signed in; an item assigned to the unit
        var person = await platform.CreatePersonAsync(PlatformFixture.LeadUnit, PlatformRoles.UnitHandler);
        using var handler = await PersonSignIn.ClientAsync(platform.GatewayAddress, person["userName"]!.GetValue<string>(), person["initialPassword"]!.GetValue<string>());
        var id = (await platform.Gateway.RegisterAsync(Items.Suggestion(Items.NextNumber())))["id"]!.GetValue<Guid>();
        await handler.GetWhenPresentAsync($"/api/replies/{id}");

        // Act: the body names someone else as who saved the draft
        using var draft = await handler.PutAsJsonAsync($"/api/replies/{id}/draft", new { text = "答复草稿", by = "冒名者" });

        // Assert: the record names the person the token says
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var reply = await handler.GetFromJsonAsync<JsonObject>($"/api/replies/{id}");
        Assert.Equal(person["displayName"]!.GetValue<string>(), reply!["drafts"]![0]!["by"]!.GetValue<string>());
    }
}
