using System.Text.Json;
using ProposalPlatform.Infrastructure.PersonalData;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Data;

/// <summary>
/// An item's contact details — the phone and address of the lead submitter, then of each co-signer in
/// order — are stored apart from the rest of the item, sealed as one value bound to the item's id
/// (<see cref="PersonalDataCipher"/>): the item's other columns keep names and places only. Its versions
/// in the history keep the value they had.
/// </summary>
public sealed class ContactSeal(PersonalDataCipher cipher)
{
    private const string Purpose = "intake.contact_details";

    /// <summary>The contact details of <paramref name="item"/>, sealed; null when none of its submitters has any.</summary>
    public byte[]? Seal(Guid itemId, NewProposal item) => Seal(itemId, item.LeadSubmitter, item.CoSigners);

    public byte[]? Seal(Guid itemId, Submitter lead, IReadOnlyList<Submitter> coSigners) =>
        Seal(itemId, [new(lead.Phone, lead.Address), .. coSigners.Select(c => new SubmitterContact(c.Phone, c.Address))]);

    /// <summary>The contact details of an item's submitters, the lead's first, sealed; null when there are none.</summary>
    public byte[]? Seal(Guid itemId, IReadOnlyList<SubmitterContact> submitters) =>
        submitters.All(c => c.Phone is null && c.Address is null)
            ? null
            : cipher.Seal(JsonSerializer.SerializeToUtf8Bytes(submitters, Json), PersonalDataCipher.Context(Purpose, itemId));

    /// <summary><paramref name="item"/> (as stored: without contact details) with the contact details <paramref name="sealedContacts"/> holds.</summary>
    public NewProposal Open(Guid itemId, NewProposal item, byte[]? sealedContacts)
    {
        if (sealedContacts is null)
        {
            return item;
        }

        var contacts = JsonSerializer.Deserialize<SubmitterContact[]>(cipher.Open(sealedContacts, PersonalDataCipher.Context(Purpose, itemId)), Json) ?? [];
        Submitter With(Submitter s, int position) =>
            position < contacts.Length ? s with { Phone = contacts[position].Phone, Address = contacts[position].Address } : s;
        return item with
        {
            LeadSubmitter = With(item.LeadSubmitter, 0),
            CoSigners = [.. item.CoSigners.Select((c, i) => With(c, i + 1))],
        };
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>A submitter's contact details.</summary>
public sealed record SubmitterContact(string? Phone, string? Address);
