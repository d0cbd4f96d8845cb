using ProposalPlatform.Infrastructure.PersonalData;

namespace ProposalPlatform.Reply.Data;

/// <summary>
/// The phones of who answers for an issued reply, the responsible leader's and the handler's, are
/// stored sealed (<see cref="PersonalDataCipher"/>), each bound to its reply and to whose it is; so is
/// the reply's letter, which prints them (its public version prints none).
/// </summary>
public sealed class SignatoryPhones(PersonalDataCipher cipher)
{
    private const string Leader = "reply.leader_phone";
    private const string Handler = "reply.handler_phone";
    private const string Letter = "reply.letter";

    public byte[]? SealLeader(Guid replyId, string? phone) => cipher.SealText(phone, Leader, replyId);

    public byte[]? SealHandler(Guid replyId, string? phone) => cipher.SealText(phone, Handler, replyId);

    public string? OpenLeader(Guid replyId, byte[]? sealedPhone) => cipher.OpenText(sealedPhone, Leader, replyId);

    public string? OpenHandler(Guid replyId, byte[]? sealedPhone) => cipher.OpenText(sealedPhone, Handler, replyId);

    public byte[] SealLetter(Guid replyId, byte[] letter) => cipher.Seal(letter, PersonalDataCipher.Context(Letter, replyId));

    public byte[] OpenLetter(Guid replyId, byte[] sealedLetter) => cipher.Open(sealedLetter, PersonalDataCipher.Context(Letter, replyId));
}
