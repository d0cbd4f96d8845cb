using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Infrastructure.Authorization;

namespace ProposalPlatform.UnitTests.Authorization;

public class Deciding_who_may_act_on_an_item
{
    private static readonly ItemParties Item = new("HQ-FTZ", ["HQ-TARIFF"], SubmittingUnit: "DIST-SHENZHEN");

    private static Caller Person(string unit, params string[] roles) => new("id-" + unit + string.Join("-", roles), "某人", unit, roles.ToHashSet());

    [Fact]
    public void Lets_the_office_read_and_administer_every_item_but_not_draft()
    {
        var office = Person("HQ-OFFICE", PlatformRoles.ProposalOffice);

        Assert.Equal(AccessVerdict.Allowed, ItemAccessRules.Decide(office, Item, ItemOperation.Read).Verdict);
        Assert.Equal(AccessVerdict.Allowed, ItemAccessRules.Decide(office, Item, ItemOperation.Administer).Verdict);
        Assert.Equal(AccessVerdict.Allowed, ItemAccessRules.Decide(office, Item, ItemOperation.SignOffAsOffice).Verdict);
        Assert.Equal(AccessVerdict.Forbidden, ItemAccessRules.Decide(office, Item, ItemOperation.Handle).Verdict);
    }

    [Fact]
    public void Lets_the_lead_units_handler_handle_and_take_the_handlers_step_only()
    {
        var handler = Person("HQ-FTZ", PlatformRoles.UnitHandler);

        Assert.Equal(AccessVerdict.Allowed, ItemAccessRules.Decide(handler, Item, ItemOperation.Handle).Verdict);
        Assert.Equal(AccessVerdict.Allowed, ItemAccessRules.Decide(handler, Item, ItemOperation.SignOffAsHandler).Verdict);
        Assert.Equal(AccessVerdict.Forbidden, ItemAccessRules.Decide(handler, Item, ItemOperation.SignOffAsUnitHead).Verdict);
        Assert.Equal(AccessVerdict.Forbidden, ItemAccessRules.Decide(handler, Item, ItemOperation.Administer).Verdict);
    }

    [Fact]
    public void Lets_the_unit_head_take_the_heads_step_but_not_the_handlers()
    {
        var head = Person("HQ-FTZ", PlatformRoles.UnitHead);

        Assert.Equal(AccessVerdict.Allowed, ItemAccessRules.Decide(head, Item, ItemOperation.SignOffAsUnitHead).Verdict);
        Assert.Equal(AccessVerdict.Allowed, ItemAccessRules.Decide(head, Item, ItemOperation.Handle).Verdict);
        Assert.Equal(AccessVerdict.Forbidden, ItemAccessRules.Decide(head, Item, ItemOperation.SignOffAsHandler).Verdict);
    }

    [Fact]
    public void Lets_a_co_handler_read_and_give_its_opinion_only()
    {
        var coHandler = Person("HQ-TARIFF", PlatformRoles.UnitHandler);

        Assert.Equal(AccessVerdict.Allowed, ItemAccessRules.Decide(coHandler, Item, ItemOperation.Read).Verdict);
        Assert.Equal(AccessVerdict.Allowed, ItemAccessRules.Decide(coHandler, Item, ItemOperation.Opinion).Verdict);
        Assert.Equal(AccessVerdict.Forbidden, ItemAccessRules.Decide(coHandler, Item, ItemOperation.Handle).Verdict);
    }

    [Fact]
    public void Hides_the_item_from_another_unit_another_district_and_operations()
    {
        Caller[] strangers =
        [
            Person("HQ-PORTS", PlatformRoles.UnitHandler),
            Person("HQ-PORTS", PlatformRoles.UnitHead),
            Person("DIST-GUANGZHOU", PlatformRoles.DistrictOfficer),
            Person("HQ-OPS", PlatformRoles.Ops),
            // a unit's code without a role that works on items opens nothing
            Person("HQ-FTZ", PlatformRoles.Ops),
        ];

        foreach (var stranger in strangers)
        {
            foreach (var operation in Enum.GetValues<ItemOperation>())
            {
                Assert.Equal(AccessVerdict.Hidden, ItemAccessRules.Decide(stranger, Item, operation).Verdict);
            }
        }
    }

    [Fact]
    public void Lets_the_registering_district_read_its_local_item_and_nothing_more()
    {
        var district = Person("DIST-SHENZHEN", PlatformRoles.DistrictOfficer);

        Assert.Equal(AccessVerdict.Allowed, ItemAccessRules.Decide(district, Item, ItemOperation.Read).Verdict);
        Assert.Equal(AccessVerdict.Forbidden, ItemAccessRules.Decide(district, Item, ItemOperation.Handle).Verdict);
        Assert.Equal(AccessVerdict.Forbidden, ItemAccessRules.Decide(district, Item, ItemOperation.Administer).Verdict);
    }
}
