using System.Text.Json;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Identity.Domain;

namespace ProposalPlatform.UnitTests.Identity;

public class Keeping_a_clients_record
{
    [Fact]
    public void Reads_back_what_it_wrote_into_the_applications_properties()
    {
        var record = new ClientRecord("D-GUANGZHOU", [PlatformRoles.DistrictOfficer], "office", DateTimeOffset.Parse("2026-03-05T08:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture));
        var properties = new Dictionary<string, JsonElement>();

        record.WriteTo(properties);
        var read = ClientRecord.From(properties);

        Assert.Equal(record.UnitCode, read.UnitCode);
        Assert.Equal(record.Roles, read.Roles);
        Assert.Equal(record.CreatedBy, read.CreatedBy);
        Assert.Equal(record.CreatedAt, read.CreatedAt);
        Assert.False(read.Revoked);
    }

    [Fact]
    public void Is_revoked_once_a_revocation_was_written()
    {
        var properties = new Dictionary<string, JsonElement>();
        (new ClientRecord("HQ-OFFICE", [PlatformRoles.ProposalOffice]) with { RevokedBy = "office", RevokedAt = DateTimeOffset.UnixEpoch }).WriteTo(properties);

        var read = ClientRecord.From(properties);

        Assert.True(read.Revoked);
        Assert.Equal("office", read.RevokedBy);
    }

    [Fact]
    public void A_client_without_a_record_has_no_unit_and_no_role()
    {
        var read = ClientRecord.From(new Dictionary<string, JsonElement>());

        Assert.Equal("", read.UnitCode);
        Assert.Empty(read.Roles);
        Assert.False(read.Revoked);
    }
}
