using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using ProposalPlatform.ContactScheduling.Application;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Infrastructure.Application;

namespace ProposalPlatform.UnitTests.ContactScheduling;

public class Acting_on_an_entrusted_visit
{
    private static readonly Guid VisitId = Guid.NewGuid();

    // the district's rule decides alone: no item guard, no database behind the write path here
    private static readonly ReportEntrustedVisitHandler Handler = new(new WritePath(null!, null!, null!, TimeProvider.System));

    private static readonly EntrustedReportRequest Report = new("ReachedAndAgreed", "走访完成");

    private static LockedContact Visit(string? district = "DIST-SHENZHEN") => new(
        new ContactTaskRecord(Guid.NewGuid(), "HQ-FTZ", Contacts.Now, null, null, null, 1, Contacts.Now),
        new ContactRow { Id = VisitId, Status = nameof(ContactStatus.Planned), EntrustedUnitCode = district });

    private static ClaimsPrincipal Person(string unit, string role) => new(new ClaimsIdentity(
        new Claim[] { new(PlatformClaims.Subject, "id-" + unit), new(PlatformClaims.Name, "某人"), new(PlatformClaims.Unit, unit), new(PlatformClaims.Role, role) },
        "test"));

    [Theory]
    [InlineData("DIST-SHENZHEN")]
    [InlineData("dist-shenzhen")]
    public async Task Lets_an_officer_of_the_district_it_is_entrusted_to_act(string unit)
    {
        var refusal = await Handler.RefuseAsync(null!, Person(unit, PlatformRoles.DistrictOfficer), VisitId, Visit(), Report);

        Assert.Null(refusal);
    }

    [Theory]
    [InlineData("DIST-GUANGZHOU", PlatformRoles.DistrictOfficer)]
    [InlineData("HQ-FTZ", PlatformRoles.UnitHandler)]
    [InlineData("HQ-FTZ", PlatformRoles.UnitHead)]
    [InlineData("HQ-OFFICE", PlatformRoles.ProposalOffice)]
    public async Task Hides_it_from_anyone_else_as_no_such_contact(string unit, string role)
    {
        var refusal = await Handler.RefuseAsync(null!, Person(unit, role), VisitId, Visit(), Report);

        Assert.Equal(StatusCodes.Status404NotFound, refusal?.Status);
        Assert.Equal("No such contact.", refusal!.Title);
        Assert.Contains(VisitId.ToString(), refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_a_contact_entrusted_to_no_one_or_unknown_as_no_such_contact()
    {
        var district = Person("DIST-SHENZHEN", PlatformRoles.DistrictOfficer);

        Assert.Equal(StatusCodes.Status404NotFound, (await Handler.RefuseAsync(null!, district, VisitId, Visit(district: null), Report))?.Status);
        Assert.Equal(StatusCodes.Status404NotFound, (await Handler.RefuseAsync(null!, district, VisitId, null, Report))?.Status);
    }
}
