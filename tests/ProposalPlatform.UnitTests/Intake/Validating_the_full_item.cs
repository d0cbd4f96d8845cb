using ProposalPlatform.Contracts;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.UnitTests.Intake;

public class Validating_the_full_item
{
    [Fact]
    public void Takes_lead_as_the_handling_mode_and_a_deputy_as_the_submitter_of_a_suggestion_by_default()
    {
        var (proposal, errors) = ProposalRules.Validate(Submissions.Valid(), Submissions.CurrentYear);

        Assert.Empty(errors);
        Assert.Equal(HandlingMode.Lead, proposal!.HandlingMode);
        Assert.Equal(SubmitterKind.Deputy, proposal.LeadSubmitter.Kind);
        Assert.False(proposal.IsKeyItem);
    }

    [Fact]
    public void Names_each_bad_co_signer_tag_and_optional_field_by_its_json_path()
    {
        var submission = Submissions.Valid() with
        {
            CoSigners = [new SubmitterInput("李四", null, "广东省", "广州市"), new SubmitterInput(null, null, "广东省", "广州市", Phone: "call me")],
            Tags = ["口岸", " "],
            HandlingMode = "Maybe",
            SubmittingUnitCode = "bad code!",
        };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Null(proposal);
        Assert.Equal(
            ["coSigners[1].name", "coSigners[1].phone", "handlingMode", "submittingUnitCode", "tags[1]"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Refuses_a_member_as_the_submitter_of_a_suggestion()
    {
        var submission = Submissions.Valid() with { LeadSubmitter = new SubmitterInput("王五", null, "北京市", "北京市", Kind: "Member") };

        var (_, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Equal(["leadSubmitter.kind"], errors.Keys);
    }

    [Fact]
    public void Keeps_contact_details_and_the_submitting_district()
    {
        var submission = Submissions.Valid() with
        {
            LeadSubmitter = new SubmitterInput("张三", null, "广东省", "深圳市", Phone: "+86 755 1234 5678", Address: "深圳市福田区"),
            SubmittingUnitCode = "SZ-5300",
        };

        var (proposal, errors) = ProposalRules.Validate(submission, Submissions.CurrentYear);

        Assert.Empty(errors);
        Assert.Equal("+86 755 1234 5678", proposal!.LeadSubmitter.Phone);
        Assert.Null(proposal.LeadSubmitter.WithoutContact().Phone);
        Assert.Equal("SZ-5300", proposal.SubmittingUnitCode);
    }
}
