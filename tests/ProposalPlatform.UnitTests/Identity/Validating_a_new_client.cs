using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Identity.Domain;

namespace ProposalPlatform.UnitTests.Identity;

public class Validating_a_new_client
{
    private static NewClient Valid() => new(null, "广州海关", "D-GUANGZHOU", [PlatformRoles.DistrictOfficer]);

    [Fact]
    public void Accepts_a_client_without_an_id_leaving_the_choice_to_the_service()
    {
        var (client, errors) = ClientRules.Validate(Valid());

        Assert.Empty(errors);
        Assert.Null(client!.ClientId);
        Assert.Equal([PlatformRoles.DistrictOfficer], client.Roles);
    }

    [Fact]
    public void Reports_a_wrong_client_id_by_its_json_name()
    {
        var (client, errors) = ClientRules.Validate(Valid() with { ClientId = "x" });

        Assert.Null(client);
        Assert.Equal(["clientId"], errors.Keys);
    }

    [Fact]
    public void Reports_every_wrong_field_by_its_json_name()
    {
        var (_, errors) = ClientRules.Validate(new NewClient("gz/1", "", "gz", []));

        Assert.Equal(["clientId", "displayName", "roles", "unitCode"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Chooses_an_id_of_the_unit_that_is_itself_a_valid_client_id()
    {
        var clientId = ClientRules.NewClientId(new string('D', FieldRules.MaxUnitCodeLength), Secrets.NewShortId());

        Assert.StartsWith("ddd", clientId, StringComparison.Ordinal);
        Assert.Null(FieldRules.CheckName(clientId, "client id"));
    }
}
