using System.Security.Cryptography;
using System.Text;
using ProposalPlatform.Intake.Data;
using ProposalPlatform.Intake.Domain;
using ProposalPlatform.UnitTests.Intake;

namespace ProposalPlatform.UnitTests.PersonalData;

public class Sealing_an_items_contact_details
{
    private static readonly Guid _item = Guid.Parse("5d2a9b70-0000-4000-8000-000000000012");

    private static NewProposal JointItem()
    {
        var submission = Submissions.Valid() with
        {
            LeadSubmitter = new SubmitterInput("张伟", "广东代表团", "广东省", "深圳市", Phone: "13912345678", Address: "深圳市福田区福中三路1号"),
            CoSigners =
            [
                new SubmitterInput("李娜", "广东代表团", "广东省", "广州市"),
                new SubmitterInput("王强", "广东代表团", "广东省", "珠海市", Phone: "0756-2222333"),
            ],
        };
        return ProposalRules.Validate(submission, Submissions.CurrentYear).Proposal!;
    }

    private static NewProposal WithoutContacts(NewProposal item) =>
        item with { LeadSubmitter = item.LeadSubmitter.WithoutContact(), CoSigners = [.. item.CoSigners.Select(c => c.WithoutContact())] };

    [Fact]
    public void Gives_back_every_submitters_phone_and_address_in_place()
    {
        var seal = new ContactSeal(KeyRings.Cipher());
        var item = JointItem();

        var sealedContacts = seal.Seal(_item, item);
        var opened = seal.Open(_item, WithoutContacts(item), sealedContacts);

        Assert.Equal(item.LeadSubmitter, opened.LeadSubmitter);
        Assert.Equal(item.CoSigners, opened.CoSigners);
        Assert.Equal(-1, sealedContacts.AsSpan().IndexOf(Encoding.UTF8.GetBytes("13912345678")));
    }

    [Fact]
    public void Seals_nothing_for_an_item_without_contact_details()
    {
        var seal = new ContactSeal(KeyRings.Cipher());
        var item = WithoutContacts(JointItem());

        Assert.Null(seal.Seal(_item, item));
        Assert.Equal(item, seal.Open(_item, item, null));
    }

    [Fact]
    public void Refuses_the_contact_details_of_another_item()
    {
        var seal = new ContactSeal(KeyRings.Cipher());
        var item = JointItem();

        var sealedContacts = seal.Seal(_item, item);

        Assert.Throws<AuthenticationTagMismatchException>(() => seal.Open(Guid.NewGuid(), WithoutContacts(item), sealedContacts));
    }
}
