using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.Http;
using ProposalPlatform.Audit;
using ProposalPlatform.Audit.Apis;
using ProposalPlatform.Audit.Domain;
using ProposalPlatform.Contracts.Audit;
using ProposalPlatform.Infrastructure.Audit;
using ProposalPlatform.Infrastructure.Export;

namespace ProposalPlatform.UnitTests.Audit;

public class Keeping_and_exporting_the_audit_trail
{
    private static List<ValidationResult> Validate(AuditOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Keeps_three_years_unless_told_otherwise()
    {
        Assert.Equal(TimeSpan.FromDays(1095), new AuditOptions().Retention);
        Assert.Empty(Validate(new AuditOptions()));
    }

    [Theory]
    [InlineData(183)]
    [InlineData(30)]
    [InlineData(0)]
    public void Refuses_a_retention_shorter_than_the_six_months_the_law_asks(int days)
    {
        var results = Validate(new AuditOptions { Retention = TimeSpan.FromDays(days) });

        var result = Assert.Single(results);
        Assert.Contains("at least 184 days", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_exactly_six_months()
    {
        Assert.Empty(Validate(new AuditOptions { Retention = TimeSpan.FromDays(184) }));
    }

    [Fact]
    public void A_note_names_only_the_fields_that_changed()
    {
        var note = new AuditNote()
            .Changed("unit", "HQ-FTZ", "HQ-PORTS")
            .Changed("priority", 1, 1)
            .Set("reason", "职能调整");

        Assert.Equal("unit: HQ-FTZ → HQ-PORTS; reason: 职能调整", note.Text);
        Assert.Null(new AuditNote().Text);
    }

    [Fact]
    public void A_note_is_kept_short()
    {
        var note = new AuditNote();
        for (var i = 0; i < 50; i++)
        {
            note.Set($"field{i}", new string('长', 500));
        }

        Assert.Equal(AuditNote.MaxLength, note.Text!.Length);
        Assert.EndsWith("…", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_defuses_cells_a_spreadsheet_would_run_and_quotes_what_needs_it()
    {
        var entry = new AuditRecorded(
            Guid.NewGuid(), DateTimeOffset.UnixEpoch, "intake", "CorrectProposal", "Accepted", 0, "@office", "=HYPERLINK(\"x\")", "+HQ",
            ["ProposalOffice"], "/api/intake/proposals/x/corrections", null, "reason: -1, \"quoted\"\nnext line", null);
        var record = new AuditRecord(1, DateTimeOffset.UnixEpoch, entry, AuditChain.Origin, AuditChain.Origin);
        using var body = new MemoryStream();

        await AuditSheet.Table.WriteAsync(body, SpreadsheetFormat.Csv, new[] { record }.ToAsyncEnumerable(), CancellationToken.None);

        var csv = System.Text.Encoding.UTF8.GetString(body.ToArray()).TrimStart('\uFEFF');
        Assert.StartsWith("\"序号\",\"时间\",\"记入时间\",\"服务\",\"操作\",\"结果\"", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n\"1\",\"1970-01-01 08:00:00\",\"1970-01-01 08:00:00\",\"intake\",", csv, StringComparison.Ordinal);
        Assert.Contains(",\"'@office\",", csv, StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", csv, StringComparison.Ordinal);
        Assert.Contains(",\"'+HQ\",", csv, StringComparison.Ordinal);
        Assert.Contains("\"reason: -1, \"\"quoted\"\"\nnext line\"", csv, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_of_a_caller_without_a_token_names_its_address_and_keeps_what_it_sent_short()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/intake/" + new string('x', 5_000);
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        var trail = new AuditTrail(new AuditSource("gateway"), new HttpContextAccessor { HttpContext = context });

        var entry = trail.Refused(context, AuditOutcomes.Unauthenticated, StatusCodes.Status401Unauthorized, "no token", null);

        Assert.Equal(("203.0.113.7", "", 401), (entry.ActorId, entry.ActorName, entry.Status));
        Assert.Empty(entry.ActorRoles);
        Assert.Equal(300, entry.Resource!.Length);
        Assert.True(entry.Operation.Length <= 300);
    }
}
