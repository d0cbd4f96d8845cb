using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Identity.Domain;

namespace ProposalPlatform.UnitTests.Identity;

public class Validating_a_new_person
{
    private static NewPerson Valid() => new("zhang.san", "张三", "HQ-TARIFF", [PlatformRoles.UnitHandler]);

    [Fact]
    public void Accepts_a_person_with_every_field_right()
    {
        var (person, errors) = PersonRules.Validate(Valid());

        Assert.Empty(errors);
        Assert.NotNull(person);
        Assert.Equal(("zhang.san", "张三", "HQ-TARIFF"), (person.UserName, person.DisplayName, person.UnitCode));
        Assert.Equal([PlatformRoles.UnitHandler], person.Roles);
        Assert.False(person.RequiresSecondFactor);
    }

    [Fact]
    public void Reports_every_wrong_field_by_its_json_name()
    {
        var (person, errors) = PersonRules.Validate(new NewPerson("a b", " ", "hq-office", ["Admin"]));

        Assert.Null(person);
        Assert.Equal(["displayName", "roles", "unitCode", "userName"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reports_missing_fields_as_required()
    {
        var (_, errors) = PersonRules.Validate(new NewPerson(null, null, null, null));

        Assert.Equal(["displayName", "roles", "unitCode", "userName"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("required", errors["userName"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab", false)]
    [InlineData("abc", true)]
    [InlineData("a.b_c-D9", true)]
    [InlineData("zhang@san", false)]
    [InlineData("张三", false)]
    public void Takes_user_names_of_3_to_64_plain_characters(string userName, bool accepted)
    {
        var (_, errors) = PersonRules.Validate(Valid() with { UserName = userName });

        Assert.Equal(accepted, !errors.ContainsKey("userName"));
    }

    [Fact]
    public void Refuses_a_user_name_of_65_characters()
    {
        var (_, errors) = PersonRules.Validate(Valid() with { UserName = new string('a', 65) });

        Assert.True(errors.ContainsKey("userName"));
        Assert.Empty(PersonRules.Validate(Valid() with { UserName = new string('a', 64) }).Errors);
    }

    [Fact]
    public void Refuses_a_display_name_over_100_characters_and_trims_one_that_fits()
    {
        var (_, tooLong) = PersonRules.Validate(Valid() with { DisplayName = new string('名', 101) });
        var (person, _) = PersonRules.Validate(Valid() with { DisplayName = "  李四  " });

        Assert.True(tooLong.ContainsKey("displayName"));
        Assert.Equal("李四", person!.DisplayName);
    }

    [Theory]
    [InlineData("D-GUANGZHOU", true)]
    [InlineData("D-5100", true)]
    [InlineData("d-guangzhou", false)]
    [InlineData("D_GUANGZHOU", false)]
    [InlineData("", false)]
    public void Takes_unit_codes_of_capitals_digits_and_dashes(string unitCode, bool accepted)
    {
        var (_, errors) = PersonRules.Validate(Valid() with { UnitCode = unitCode });

        Assert.Equal(accepted, !errors.ContainsKey("unitCode"));
    }

    [Fact]
    public void Refuses_a_unit_code_over_50_characters()
    {
        var (_, errors) = PersonRules.Validate(Valid() with { UnitCode = new string('A', 51) });

        Assert.True(errors.ContainsKey("unitCode"));
    }

    [Fact]
    public void Marks_a_proposal_office_account_as_needing_a_second_factor()
    {
        var (person, _) = PersonRules.Validate(Valid() with { Roles = [PlatformRoles.ProposalOffice] });

        Assert.True(person!.RequiresSecondFactor);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("li.ming@customs.gov.cn", true)]
    [InlineData("li_ming+reminders@shenzhen.customs.gov.cn", true)]
    [InlineData("", false)]
    [InlineData("li.ming", false)]
    [InlineData("li.ming@customs", false)]
    [InlineData("李明 <li.ming@customs.gov.cn>", false)]
    [InlineData("li.ming@customs.gov.cn, wang.fang@customs.gov.cn", false)]
    [InlineData(" li.ming@customs.gov.cn", false)]
    [InlineData("li ming@customs.gov.cn", false)]
    public void Takes_one_work_e_mail_address_or_none(string? email, bool accepted)
    {
        var (person, errors) = PersonRules.Validate(Valid() with { Email = email });

        Assert.Equal(accepted, !errors.ContainsKey("email"));
        Assert.Equal(accepted ? email : null, person?.Email);
    }

    [Fact]
    public void Refuses_an_e_mail_address_over_254_characters()
    {
        var (_, errors) = PersonRules.Validate(Valid() with { Email = new string('a', 240) + "@customs.gov.cn" });

        Assert.Contains("254", errors["email"][0], StringComparison.Ordinal);
    }
}
