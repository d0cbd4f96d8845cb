using ProposalPlatform.ContactScheduling.Domain;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Resolving_the_submitter_of_a_contact
{
    private static readonly ItemSubmitters Item = new("Li Ming", "Guangdong", "Shenzhen", ["Zhao Lei", "Sun Li"]);

    [Fact]
    public void Takes_the_lead_submitter_when_no_name_is_given()
    {
        var resolved = Item.Resolve(null);

        Assert.Equal(("Li Ming", true), resolved);
    }

    [Fact]
    public void Recognises_the_lead_submitter_by_name_whatever_the_case()
    {
        var resolved = Item.Resolve("  li   ming ");

        Assert.Equal(("Li Ming", true), resolved);
    }

    [Fact]
    public void Takes_a_co_signer_as_not_the_lead()
    {
        var resolved = Item.Resolve("sun li");

        Assert.Equal(("Sun Li", false), resolved);
    }

    [Fact]
    public void Refuses_someone_who_did_not_sign_the_item()
    {
        var resolved = Item.Resolve("Wang Fang");

        Assert.Null(resolved);
    }
}
