using Dapper;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Data;

public sealed class ProposalRepository(PlatformDatabase database)
{
    private const string SelectProposal =
        """
        SELECT id AS Id, kind AS Kind, session_year AS SessionYear, session_term AS SessionTerm,
               session_meeting AS SessionMeeting, number AS Number, title AS Title, text AS Text,
               submitter_name AS SubmitterName, submitter_delegation AS SubmitterDelegation,
               province AS Province, city AS City, topic AS Topic, stage AS Stage, registered_at AS RegisteredAt
        FROM proposals
        """;

    /// <summary>
    /// Stores a new item; when its kind, session and number are already known, returns the item
    /// stored before and changes nothing.
    /// </summary>
    public async Task<(ProposalRecord Proposal, bool Created)> RegisterAsync(
        UnitOfWork work, Guid id, NewProposal proposal, DateTimeOffset registeredAt, CancellationToken cancellationToken)
    {
        var inserted = await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO proposals (id, kind, session_year, session_term, session_meeting, number, title, text,
                                   submitter_name, submitter_delegation, province, city, topic, stage, registered_at)
            VALUES (@Id, @Kind, @SessionYear, @SessionTerm, @SessionMeeting, @Number, @Title, @Text,
                    @SubmitterName, @SubmitterDelegation, @Province, @City, @Topic, @Stage, @RegisteredAt)
            ON CONFLICT (kind, session_year, number) DO NOTHING
            """,
            new
            {
                Id = id,
                Kind = (short)proposal.Kind,
                proposal.SessionYear,
                proposal.SessionTerm,
                proposal.SessionMeeting,
                proposal.Number,
                proposal.Title,
                proposal.Text,
                proposal.SubmitterName,
                proposal.SubmitterDelegation,
                proposal.Province,
                proposal.City,
                proposal.Topic,
                Stage = (short)ProposalStage.Registered,
                RegisteredAt = registeredAt,
            },
            work.Transaction, cancellationToken: cancellationToken));

        if (inserted == 1)
        {
            await AppendTimelineAsync(work, id, ProposalStage.Registered, registeredAt,
                $"{proposal.Kind} {proposal.Number} of {proposal.SessionYear} registered", cancellationToken);
        }

        var stored = await work.Connection.QuerySingleAsync<ProposalRecord>(new CommandDefinition(
            SelectProposal + " WHERE kind = @Kind AND session_year = @SessionYear AND number = @Number",
            new { Kind = (short)proposal.Kind, proposal.SessionYear, proposal.Number },
            work.Transaction, cancellationToken: cancellationToken));
        return (stored, inserted == 1);
    }

    /// <summary>Adds a step to the item's story and moves its stage forward (never back: events may arrive out of order).</summary>
    public static async Task AppendTimelineAsync(
        UnitOfWork work, Guid proposalId, ProposalStage stage, DateTimeOffset occurredAt, string detail, CancellationToken cancellationToken)
    {
        var found = await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE proposals SET stage = GREATEST(stage, @Stage) WHERE id = @ProposalId;
            """,
            new { ProposalId = proposalId, Stage = (short)stage }, work.Transaction, cancellationToken: cancellationToken));
        if (found == 0)
        {
            throw new InvalidOperationException($"Proposal {proposalId} is not known to intake.");
        }

        await work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO proposal_timeline (proposal_id, step, occurred_at, detail) VALUES (@ProposalId, @Step, @OccurredAt, @Detail)",
            new { ProposalId = proposalId, Step = stage.ToString(), OccurredAt = occurredAt, Detail = detail },
            work.Transaction, cancellationToken: cancellationToken));
    }

    public async Task<ProposalRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ProposalRecord>(new CommandDefinition(
            SelectProposal + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var entries = await connection.QueryAsync<TimelineEntry>(new CommandDefinition(
            """
            SELECT step AS Step, occurred_at AS OccurredAt, detail AS Detail
            FROM proposal_timeline WHERE proposal_id = @id ORDER BY occurred_at, id
            """,
            new { id }, cancellationToken: cancellationToken));
        return entries.AsList();
    }

    public async Task<(IReadOnlyList<ProposalRecord> Items, long Total)> ListAsync(
        ProposalKind? kind, int? sessionYear, int? number, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        const string filter =
            """
            WHERE (@Kind IS NULL OR kind = @Kind)
              AND (@SessionYear IS NULL OR session_year = @SessionYear)
              AND (@Number IS NULL OR number = @Number)
            """;
        var parameters = new
        {
            Kind = (short?)kind,
            SessionYear = sessionYear,
            Number = number,
            Limit = pageSize,
            Offset = (page - 1) * pageSize,
        };
        var items = await connection.QueryAsync<ProposalRecord>(new CommandDefinition(
            $"{SelectProposal} {filter} ORDER BY session_year DESC, kind, number LIMIT @Limit OFFSET @Offset",
            parameters, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM proposals {filter}", parameters, cancellationToken: cancellationToken));
        return (items.AsList(), total);
    }
}

public sealed record ProposalRecord(
    Guid Id,
    short Kind,
    int SessionYear,
    int? SessionTerm,
    int? SessionMeeting,
    int Number,
    string Title,
    string Text,
    string SubmitterName,
    string? SubmitterDelegation,
    string Province,
    string City,
    string Topic,
    short Stage,
    DateTimeOffset RegisteredAt);

public sealed record TimelineEntry(string Step, DateTimeOffset OccurredAt, string Detail);
