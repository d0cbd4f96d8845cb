using ProposalPlatform.Infrastructure.PersonalData;

namespace ProposalPlatform.Intake.Data;

/// <summary>
/// The parts of a batch's saved upload are sealed like the items' contact details
/// (<see cref="PersonalDataCipher"/>): the upload holds the submitters' phones and addresses. Each part is
/// bound to its batch and its place, so a part copied onto another batch or moved within one does not open.
/// </summary>
public sealed class BatchUploadSeal(PersonalDataCipher cipher)
{
    private const string Purpose = "intake.batch_upload";

    public byte[] Seal(Guid batchId, int part, ReadOnlySpan<byte> content) => cipher.Seal(content, Context(batchId, part));

    public byte[] Open(Guid batchId, int part, ReadOnlySpan<byte> sealedPart) => cipher.Open(sealedPart, Context(batchId, part));

    private static byte[] Context(Guid batchId, int part) =>
        PersonalDataCipher.Context(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Purpose}#{part}"), batchId);
}
