using System.Data;
using System.Text.Json.Nodes;
using Dapper;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Intake.Data.Migrations;

/// <summary>
/// Migration 0018: the contact details stored in the clear before (the lead's phone and address
/// columns, and each co-signer's in <c>co_signers</c>; the same in every version's <c>data</c>) are
/// sealed into <c>contact_details</c> (0017) and set to null where they were. A row it has sealed has
/// none left in the clear, so running it again finds nothing to do.
/// </summary>
public sealed partial class SealContactDetails(ContactSeal seal, ILogger<SealContactDetails> logger) : ICodeMigration
{
    private const int ChunkSize = 1_000;

    public string Name => "ProposalPlatform.Intake.Data.Migrations.0018_seal_contact_details.cs";

    public string ProvideScript(Func<IDbCommand> dbCommandFactory)
    {
        using var command = dbCommandFactory();
        var (connection, transaction) = (command.Connection!, command.Transaction);

        var items = connection.Query<(Guid Id, string? Phone, string? Address, string CoSigners)>(
            """
            SELECT id, submitter_phone, submitter_address, co_signers::text FROM proposals
            WHERE submitter_phone IS NOT NULL OR submitter_address IS NOT NULL
               OR jsonb_path_exists(co_signers, '$[*] ? (@.phone != null || @.address != null)')
            """,
            transaction: transaction).AsList();
        foreach (var chunk in items.Chunk(ChunkSize))
        {
            var sealedItems = chunk.Select(i =>
            {
                var coSigners = JsonNode.Parse(i.CoSigners)!.AsArray();
                return (i.Id, Sealed: seal.Seal(i.Id, [new(i.Phone, i.Address), .. coSigners.Select(TakeContact)]), CoSigners: coSigners.ToJsonString());
            }).ToList();
            connection.Execute(
                """
                UPDATE proposals p SET contact_details = r.sealed, submitter_phone = NULL, submitter_address = NULL, co_signers = r.co_signers::jsonb
                FROM unnest(@ids, @sealed, @coSigners) AS r(id, sealed, co_signers)
                WHERE p.id = r.id
                """,
                new { ids = sealedItems.Select(i => i.Id).ToArray(), @sealed = sealedItems.Select(i => i.Sealed).ToArray(), coSigners = sealedItems.Select(i => i.CoSigners).ToArray() },
                transaction);
        }

        var versions = connection.Query<(Guid Id, int Version, string Data)>(
            """
            SELECT proposal_id, version, data::text FROM proposal_versions
            WHERE jsonb_path_exists(data, '$.leadSubmitter ? (@.phone != null || @.address != null)')
               OR jsonb_path_exists(data, '$.coSigners[*] ? (@.phone != null || @.address != null)')
            """,
            transaction: transaction).AsList();
        foreach (var chunk in versions.Chunk(ChunkSize))
        {
            var sealedVersions = chunk.Select(v =>
            {
                var data = JsonNode.Parse(v.Data)!;
                var contacts = seal.Seal(v.Id, [TakeContact(data["leadSubmitter"]), .. (data["coSigners"] as JsonArray ?? []).Select(TakeContact)]);
                return (v.Id, v.Version, Sealed: contacts, Data: data.ToJsonString());
            }).ToList();
            connection.Execute(
                """
                UPDATE proposal_versions v SET contact_details = r.sealed, data = r.data::jsonb
                FROM unnest(@ids, @versions, @sealed, @data) AS r(id, version, sealed, data)
                WHERE v.proposal_id = r.id AND v.version = r.version
                """,
                new
                {
                    ids = sealedVersions.Select(v => v.Id).ToArray(),
                    versions = sealedVersions.Select(v => v.Version).ToArray(),
                    @sealed = sealedVersions.Select(v => v.Sealed).ToArray(),
                    data = sealedVersions.Select(v => v.Data).ToArray(),
                },
                transaction);
        }

        LogSealed(logger, items.Count, versions.Count);
        return string.Empty;
    }

    /// <summary>The phone and address of a stored submitter, which are set to null there.</summary>
    private static SubmitterContact TakeContact(JsonNode? submitter)
    {
        if (submitter is not JsonObject fields)
        {
            return new SubmitterContact(null, null);
        }

        var contact = new SubmitterContact(fields["phone"]?.GetValue<string>(), fields["address"]?.GetValue<string>());
        fields["phone"] = null;
        fields["address"] = null;
        return contact;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sealed the contact details stored in the clear of {Items} items and {Versions} earlier versions")]
    private static partial void LogSealed(ILogger logger, int items, int versions);
}
