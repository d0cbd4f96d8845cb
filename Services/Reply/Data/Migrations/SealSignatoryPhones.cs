using System.Data;
using Dapper;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Reply.Data.Migrations;

/// <summary>
/// Migration 0008: the phones of issued replies stored in the clear before are sealed into the columns
/// 0007 added and set to null where they were; running it again finds nothing to do.
/// </summary>
public sealed partial class SealSignatoryPhones(SignatoryPhones phones, ILogger<SealSignatoryPhones> logger) : ICodeMigration
{
    public string Name => "ProposalPlatform.Reply.Data.Migrations.0008_seal_signatory_phones.cs";

    public string ProvideScript(Func<IDbCommand> dbCommandFactory)
    {
        using var command = dbCommandFactory();
        var (connection, transaction) = (command.Connection!, command.Transaction);
        var replies = connection.Query<(Guid ReplyId, string? Leader, string? Handler)>(
            "SELECT reply_id, leader_phone, handler_phone FROM issued_replies WHERE leader_phone IS NOT NULL OR handler_phone IS NOT NULL",
            transaction: transaction).AsList();
        foreach (var chunk in replies.Chunk(1_000))
        {
            connection.Execute(
                """
                UPDATE issued_replies i SET leader_phone_sealed = r.leader, handler_phone_sealed = r.handler, leader_phone = NULL, handler_phone = NULL
                FROM unnest(@ids, @leaders, @handlers) AS r(id, leader, handler)
                WHERE i.reply_id = r.id
                """,
                new
                {
                    ids = chunk.Select(r => r.ReplyId).ToArray(),
                    leaders = chunk.Select(r => phones.SealLeader(r.ReplyId, r.Leader)).ToArray(),
                    handlers = chunk.Select(r => phones.SealHandler(r.ReplyId, r.Handler)).ToArray(),
                },
                transaction);
        }

        LogSealed(logger, replies.Count);
        return string.Empty;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sealed the phones stored in the clear of {Replies} issued replies")]
    private static partial void LogSealed(ILogger logger, int replies);
}
