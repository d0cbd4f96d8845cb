using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using ProposalPlatform.Contracts.Audit;

namespace ProposalPlatform.Audit.Domain;

/// <summary>One record of the store as it is chained: its place, when it was appended, the entry, and the links.</summary>
public sealed record AuditRecord(long Seq, DateTimeOffset RecordedAt, AuditRecorded Entry, byte[] PreviousHash, byte[] Hash);

/// <summary>
/// The tamper evidence of the audit store: each record's hash is SHA-256 of the hash before it and of
/// every field of the record, in a fixed order and form (a JSON array; times to the microsecond, as
/// PostgreSQL keeps them). Changing, removing or inserting a record breaks the link after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The link before the first record ever appended.</summary>
    public static readonly byte[] Origin = new byte[SHA256.HashSizeInBytes];

    /// <summary>A time as the store keeps it: UTC, to the microsecond.</summary>
    public static DateTimeOffset Stored(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % (TimeSpan.TicksPerMillisecond / 1000)), TimeSpan.Zero);
    }

    public static byte[] HashOf(AuditRecord record, byte[] previousHash)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            var entry = record.Entry;
            json.WriteStartArray();
            json.WriteBase64StringValue(previousHash);
            json.WriteNumberValue(record.Seq);
            json.WriteStringValue(entry.RecordId);
            json.WriteStringValue(Stored(entry.At).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStringValue(Stored(record.RecordedAt).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStringValue(entry.Service);
            json.WriteStringValue(entry.Operation);
            json.WriteStringValue(entry.Outcome);
            json.WriteNumberValue(entry.Status);
            json.WriteStringValue(entry.ActorId);
            json.WriteStringValue(entry.ActorName);
            WriteOptional(json, entry.ActorUnit);
            json.WriteStartArray();
            foreach (var role in entry.ActorRoles)
            {
                json.WriteStringValue(role);
            }

            json.WriteEndArray();
            WriteOptional(json, entry.Resource);
            if (entry.ItemId is { } itemId)
            {
                json.WriteStringValue(itemId);
            }
            else
            {
                json.WriteNullValue();
            }

            WriteOptional(json, entry.Summary);
            WriteOptional(json, entry.TraceId);
            json.WriteEndArray();
        }

        return SHA256.HashData(buffer.WrittenSpan);
    }

    private static void WriteOptional(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    /// <summary>
    /// Walks the records in their order from an anchor (the origin, or the last link a purge kept) and
    /// says where the chain first breaks: a record missing, a link that does not match, a record whose
    /// content no longer gives its hash.
    /// </summary>
    public sealed class Verifier(long previousSeq, byte[] previousHash)
    {
        public long Checked { get; private set; }

        public long LastSeq { get; private set; } = previousSeq;

        public byte[] LastHash { get; private set; } = previousHash;

        /// <summary>Null while the chain holds; else the first broken link, named.</summary>
        public ChainBreak? Break { get; private set; }

        public bool Next(AuditRecord record)
        {
            if (Break is not null)
            {
                return false;
            }

            if (record.Seq != LastSeq + 1)
            {
                Break = new ChainBreak(LastSeq + 1, $"Record {LastSeq + 1} is missing: the record after {LastSeq} is {record.Seq}.");
            }
            else if (!record.PreviousHash.AsSpan().SequenceEqual(LastHash))
            {
                Break = new ChainBreak(record.Seq, $"Record {record.Seq} does not link to record {LastSeq}: a record before it was changed or replaced.");
            }
            else if (!HashOf(record, record.PreviousHash).AsSpan().SequenceEqual(record.Hash))
            {
                Break = new ChainBreak(record.Seq, $"Record {record.Seq} was changed after it was appended: its content no longer gives its hash.");
            }
            else
            {
                Checked++;
                LastSeq = record.Seq;
                LastHash = record.Hash;
                return true;
            }

            return false;
        }

        /// <summary>The store's head must name the last record, or records were cut off the end.</summary>
        public void End(long headSeq, byte[] headHash)
        {
            if (Break is null && (headSeq != LastSeq || !headHash.AsSpan().SequenceEqual(LastHash)))
            {
                Break = new ChainBreak(LastSeq + 1, headSeq > LastSeq
                    ? $"Records {LastSeq + 1} to {headSeq} are missing from the end of the store."
                    : $"The store's head ({headSeq}) does not name its last record ({LastSeq}).");
            }
        }
    }
}

/// <summary>Where the chain first breaks, and how.</summary>
public sealed record ChainBreak(long Seq, string Problem);
