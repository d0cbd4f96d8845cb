using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using ProposalPlatform.Contracts;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Intake.Domain;

namespace ProposalPlatform.Intake.Data;

public sealed class ProposalRepository(PlatformDatabase database, ContactSeal contacts)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private const string Columns =
        """
        id AS Id, kind AS Kind, session_year AS SessionYear, session_term AS SessionTerm,
        session_meeting AS SessionMeeting, number AS Number, title AS Title, text AS Text,
        submitter_name AS SubmitterName, submitter_delegation AS SubmitterDelegation,
        province AS Province, city AS City, topic AS Topic, stage AS Stage, registered_at AS RegisteredAt,
        submitter_kind AS SubmitterKind, submitter_sector AS SubmitterSector, contact_details AS ContactDetails,
        co_signers::text AS CoSigners, array_to_json(tags)::text AS TagsJson,
        handling_mode AS HandlingMode, is_key_item AS IsKeyItem, supervising_body AS SupervisingBody,
        batch_reference AS BatchReference, assigned_by_office_at AS AssignedByOfficeAt,
        submitting_unit_code AS SubmittingUnitCode, assigned_unit_code AS AssignedUnitCode,
        version AS Version, updated_at AS UpdatedAt, round::int AS Round, array_to_json(co_handler_units)::text AS CoHandlersJson
        """;

    private const string SelectProposal = "SELECT " + Columns + " FROM proposals";

    // Lists never read the confidential columns nor the full text.
    private const string SelectSummary =
        """
        SELECT id AS Id, kind AS Kind, session_year AS SessionYear, number AS Number, title AS Title, topic AS Topic,
               array_to_json(tags)::text AS TagsJson, handling_mode AS HandlingMode, is_key_item AS IsKeyItem, stage AS Stage,
               assigned_unit_code AS AssignedUnitCode, submitter_name AS SubmitterName, registered_at AS RegisteredAt,
               round::int AS Round
        FROM proposals
        """;

    // The register export: the list's columns and what else the item says of its handling, never the
    // confidential columns nor the full text.
    private const string SelectRegister =
        """
        SELECT kind AS Kind, session_year AS SessionYear, session_term AS SessionTerm, session_meeting AS SessionMeeting,
               number AS Number, title AS Title, submitter_name AS SubmitterName, topic AS Topic, array_to_json(tags)::text AS TagsJson,
               handling_mode AS HandlingMode, is_key_item AS IsKeyItem, supervising_body AS SupervisingBody,
               assigned_unit_code AS AssignedUnitCode, array_to_json(co_handler_units)::text AS CoHandlersJson,
               stage AS Stage, round::int AS Round, submitting_unit_code AS SubmittingUnitCode, batch_reference AS BatchReference,
               registered_at AS RegisteredAt, assigned_by_office_at AS AssignedByOfficeAt
        FROM proposals
        """;

    // What a list or an export is filtered by (FilterParameters), and the order of both.
    private const string FilterWhere =
        """
        WHERE (@Kind IS NULL OR kind = @Kind)
          AND (@SessionYear IS NULL OR session_year = @SessionYear)
          AND (@SessionTerm::integer IS NULL OR session_term = @SessionTerm)
          AND (@SessionMeeting::integer IS NULL OR session_meeting = @SessionMeeting)
          AND (@Number IS NULL OR number = @Number)
          AND (@Tag IS NULL OR topic = @Tag OR tags @> ARRAY[@Tag]::text[])
          AND (@HandlingMode IS NULL OR handling_mode = @HandlingMode)
          AND (@Stage IS NULL OR stage = @Stage)
          AND (@Unit IS NULL OR assigned_unit_code = @Unit)
          AND (@IsKeyItem IS NULL OR is_key_item = @IsKeyItem)
          AND (@SubmittingUnit IS NULL OR submitting_unit_code = @SubmittingUnit)
          AND (@BatchReference IS NULL OR batch_reference = @BatchReference)
          AND (@VisibleToUnit IS NULL OR submitting_unit_code = @VisibleToUnit OR assigned_unit_code = @VisibleToUnit
               OR @VisibleToUnit = ANY(co_handler_units))
          AND (cardinality(@Grams::integer[]) = 0 OR id IN (SELECT proposal_id FROM proposal_index WHERE search_grams @> @Grams::integer[]))
          AND (@Query IS NULL OR strpos(lower(title), @Query) > 0 OR strpos(lower(text), @Query) > 0)
        """;

    private const string ListOrder = "ORDER BY session_year DESC, kind, number";

    private const string InsertMany =
        """
        INSERT INTO proposals (id, kind, session_year, session_term, session_meeting, number, title, text,
                               submitter_name, submitter_delegation, province, city, topic, stage, registered_at,
                               submitter_kind, submitter_sector, contact_details, co_signers, tags,
                               handling_mode, is_key_item, supervising_body, batch_reference, assigned_by_office_at,
                               submitting_unit_code)
        SELECT r.id, r.kind, r.session_year, r.session_term, r.session_meeting, r.number, r.title, r.text,
               r.submitter_name, r.submitter_delegation, r.province, r.city, r.topic, @Stage, @RegisteredAt,
               r.submitter_kind, r.submitter_sector, r.contact_details, r.co_signers::jsonb,
               ARRAY(SELECT jsonb_array_elements_text(r.tags::jsonb)),
               r.handling_mode, r.is_key_item, r.supervising_body, r.batch_reference, r.assigned_by_office_at,
               r.submitting_unit_code
        FROM unnest(@Ids, @Kinds, @SessionYears, @SessionTerms, @SessionMeetings, @Numbers, @Titles, @Texts,
                    @SubmitterNames, @SubmitterDelegations, @Provinces, @Cities, @Topics,
                    @SubmitterKinds, @SubmitterSectors, @ContactDetails, @CoSigners, @Tags,
                    @HandlingModes, @IsKeyItems, @SupervisingBodies, @BatchReferences, @AssignedByOfficeAts,
                    @SubmittingUnitCodes)
             AS r(id, kind, session_year, session_term, session_meeting, number, title, text,
                  submitter_name, submitter_delegation, province, city, topic,
                  submitter_kind, submitter_sector, contact_details, co_signers, tags,
                  handling_mode, is_key_item, supervising_body, batch_reference, assigned_by_office_at,
                  submitting_unit_code)
        ON CONFLICT (kind, session_year, number) DO NOTHING
        """;

    /// <summary>
    /// Stores a new item; when its kind, session and number are already known, returns the item
    /// stored before and changes nothing.
    /// </summary>
    public async Task<(ProposalRecord Proposal, bool Created)> RegisterAsync(
        UnitOfWork work, Guid id, NewProposal proposal, DateTimeOffset registeredAt, CancellationToken cancellationToken)
    {
        // a new item comes back from its insert, in one round trip; one already known is read as it is
        var created = await work.Connection.QuerySingleOrDefaultAsync<ProposalRecord>(new CommandDefinition(
            $"{InsertMany} RETURNING {Columns}", InsertParameters([(id, proposal)], registeredAt), work.Transaction, cancellationToken: cancellationToken));
        if (created is not null)
        {
            return (created, true);
        }

        var stored = await work.Connection.QuerySingleAsync<ProposalRecord>(new CommandDefinition(
            $"{SelectProposal} WHERE kind = @Kind AND session_year = @SessionYear AND number = @Number",
            new { Kind = (short)proposal.Kind, proposal.SessionYear, proposal.Number },
            work.Transaction, cancellationToken: cancellationToken));
        return (stored, false);
    }

    /// <summary>
    /// Stores many new items in one statement; those whose kind, session and number are already
    /// known (or appear twice in <paramref name="proposals"/>) are left alone. Returns the ids stored.
    /// </summary>
    public async Task<HashSet<Guid>> RegisterManyAsync(
        UnitOfWork work, IReadOnlyList<(Guid Id, NewProposal Proposal)> proposals, DateTimeOffset registeredAt, CancellationToken cancellationToken)
    {
        if (proposals.Count == 0)
        {
            return [];
        }

        return (await work.Connection.QueryAsync<Guid>(new CommandDefinition(
            $"{InsertMany} RETURNING id", InsertParameters(proposals, registeredAt), work.Transaction, cancellationToken: cancellationToken))).ToHashSet();
    }

    /// <summary>The parameters of <see cref="InsertMany"/>: a column of values per array, the contact details sealed.</summary>
    private object InsertParameters(IReadOnlyList<(Guid Id, NewProposal Proposal)> proposals, DateTimeOffset registeredAt)
    {
        var p = proposals.Select(x => x.Proposal).ToList();
        return new
        {
            Stage = (short)ProposalStage.Registered,
            RegisteredAt = registeredAt.UtcDateTime,
            Ids = proposals.Select(x => x.Id).ToArray(),
            Kinds = p.Select(x => (short)x.Kind).ToArray(),
            SessionYears = p.Select(x => x.SessionYear).ToArray(),
            SessionTerms = p.Select(x => x.SessionTerm).ToArray(),
            SessionMeetings = p.Select(x => x.SessionMeeting).ToArray(),
            Numbers = p.Select(x => x.Number).ToArray(),
            Titles = p.Select(x => x.Title).ToArray(),
            Texts = p.Select(x => x.Text).ToArray(),
            SubmitterNames = p.Select(x => x.SubmitterName).ToArray(),
            SubmitterDelegations = p.Select(x => x.SubmitterDelegation).ToArray(),
            Provinces = p.Select(x => x.Province).ToArray(),
            Cities = p.Select(x => x.City).ToArray(),
            Topics = p.Select(x => x.Topic).ToArray(),
            SubmitterKinds = p.Select(x => (short)x.LeadSubmitter.Kind).ToArray(),
            SubmitterSectors = p.Select(x => x.LeadSubmitter.Sector).ToArray(),
            ContactDetails = proposals.Select(x => contacts.Seal(x.Id, x.Proposal)).ToArray(),
            CoSigners = p.Select(x => CoSignersJson(x.CoSigners)).ToArray(),
            Tags = p.Select(x => JsonSerializer.Serialize(x.Tags, Json)).ToArray(),
            HandlingModes = p.Select(x => (short)x.HandlingMode).ToArray(),
            IsKeyItems = p.Select(x => x.IsKeyItem).ToArray(),
            SupervisingBodies = p.Select(x => x.SupervisingBody).ToArray(),
            BatchReferences = p.Select(x => x.BatchReference).ToArray(),
            AssignedByOfficeAts = p.Select(x => x.AssignedByOfficeAt?.UtcDateTime).ToArray(),
            SubmittingUnitCodes = p.Select(x => x.SubmittingUnitCode).ToArray(),
        };
    }

    /// <summary>Records the unit the item is handled by, so that lists can be filtered by unit.</summary>
    /// <summary>Who may see each of <paramref name="ids"/> (the items it knows), in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, ItemParties>> PartiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid Id, string? AssignedUnitCode, string CoHandlersJson, string? SubmittingUnitCode)>(new CommandDefinition(
            "SELECT id, assigned_unit_code, array_to_json(co_handler_units)::text, submitting_unit_code FROM proposals WHERE id = ANY(@ids)",
            new { ids = ids.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(
            r => r.Id,
            r => new ItemParties(r.AssignedUnitCode, JsonSerializer.Deserialize<string[]>(r.CoHandlersJson) ?? [], r.SubmittingUnitCode));
    }

    /// <summary>Records a co-handling unit of the item, once however often it is told.</summary>
    public static Task AddCoHandlerAsync(UnitOfWork work, Guid proposalId, string unitCode, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE proposals SET co_handler_units = array_append(co_handler_units, @unitCode)
            WHERE id = @proposalId AND NOT (@unitCode = ANY(co_handler_units))
            """,
            new { proposalId, unitCode }, work.Transaction, cancellationToken: cancellationToken));

    public static Task SetAssignedUnitAsync(UnitOfWork work, Guid proposalId, string unitCode, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE proposals SET assigned_unit_code = @UnitCode WHERE id = @ProposalId",
            new { ProposalId = proposalId, UnitCode = unitCode }, work.Transaction, cancellationToken: cancellationToken));

    public async Task<ProposalRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ProposalRecord>(new CommandDefinition(
            SelectProposal + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>The item, locked until <paramref name="work"/> ends (for a correction).</summary>
    public static Task<ProposalRecord?> FindForUpdateAsync(UnitOfWork work, Guid id, CancellationToken cancellationToken) =>
        work.Connection.QuerySingleOrDefaultAsync<ProposalRecord>(new CommandDefinition(
            SelectProposal + " WHERE id = @id FOR UPDATE", new { id }, work.Transaction, cancellationToken: cancellationToken));

    public async Task<(IReadOnlyList<ProposalSummaryRecord> Items, long Total)> ListAsync(
        ProposalFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var parameters = FilterParameters(filter);
        parameters.Add("Limit", pageSize);
        parameters.Add("Offset", (page - 1L) * pageSize);
        var items = await connection.QueryAsync<ProposalSummaryRecord>(new CommandDefinition(
            $"{SelectSummary} {FilterWhere} {ListOrder} LIMIT @Limit OFFSET @Offset",
            parameters, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM proposals {FilterWhere}", parameters, cancellationToken: cancellationToken));
        return (items.AsList(), total);
    }

    /// <summary>
    /// Every item that matches <paramref name="filter"/>, in the list's order, read one row at a time
    /// as the caller takes them (the register export writes each row before the next is read).
    /// </summary>
    public async IAsyncEnumerable<ProposalRegisterRecord> ExportAsync(ProposalFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"{SelectRegister} {FilterWhere} {ListOrder}", FilterParameters(filter), cancellationToken: cancellationToken));
        var parse = reader.GetRowParser<ProposalRegisterRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return parse(reader);
        }
    }

    private static DynamicParameters FilterParameters(ProposalFilter filter) => new(new
    {
        Kind = (short?)filter.Kind,
        filter.SessionYear,
        filter.SessionTerm,
        filter.SessionMeeting,
        filter.Number,
        filter.Tag,
        HandlingMode = (short?)filter.HandlingMode,
        Stage = (short?)filter.Stage,
        filter.Unit,
        filter.IsKeyItem,
        filter.SubmittingUnit,
        filter.BatchReference,
        filter.VisibleToUnit,
        Grams = filter.Query is null ? [] : TextGrams.OfQuery(filter.Query),
        Query = filter.Query?.ToLowerInvariant(),
    });

    /// <summary>
    /// Keeps the current version in the history (its contact details as they were sealed) and makes
    /// <paramref name="corrected"/> the item's data.
    /// </summary>
    public async Task CorrectAsync(
        UnitOfWork work, ProposalRecord current, NewProposal corrected, string reason, IReadOnlyList<string> changedFields,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO proposal_versions (proposal_id, version, data, contact_details, valid_from, replaced_at, replaced_because, changed_fields)
            VALUES (@Id, @Version, @Data::jsonb, @ContactDetails, @ValidFrom, @Now, @Reason, @ChangedFields)
            """,
            new
            {
                current.Id,
                current.Version,
                current.ContactDetails,
                Data = JsonSerializer.Serialize(current.ToProposal(), Json),
                ValidFrom = current.UpdatedAt ?? current.RegisteredAt,
                Now = now,
                Reason = reason,
                ChangedFields = changedFields.ToArray(),
            },
            work.Transaction, cancellationToken: cancellationToken));

        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE proposals SET
                session_term = @SessionTerm, session_meeting = @SessionMeeting, title = @Title, text = @Text,
                submitter_name = @SubmitterName, submitter_delegation = @SubmitterDelegation, province = @Province, city = @City,
                topic = @Topic, submitter_kind = @SubmitterKind, submitter_sector = @SubmitterSector,
                contact_details = @ContactDetails, co_signers = @CoSigners::jsonb,
                tags = @Tags, handling_mode = @HandlingMode, is_key_item = @IsKeyItem, supervising_body = @SupervisingBody,
                assigned_by_office_at = @AssignedByOfficeAt, version = version + 1, updated_at = @Now,
                indexed_at = NULL
            WHERE id = @Id
            """,
            new
            {
                current.Id,
                corrected.SessionTerm,
                corrected.SessionMeeting,
                corrected.Title,
                corrected.Text,
                corrected.SubmitterName,
                corrected.SubmitterDelegation,
                corrected.Province,
                corrected.City,
                corrected.Topic,
                SubmitterKind = (short)corrected.LeadSubmitter.Kind,
                SubmitterSector = corrected.LeadSubmitter.Sector,
                ContactDetails = contacts.Seal(current.Id, corrected),
                CoSigners = CoSignersJson(corrected.CoSigners),
                Tags = corrected.Tags.ToArray(),
                HandlingMode = (short)corrected.HandlingMode,
                corrected.IsKeyItem,
                corrected.SupervisingBody,
                AssignedByOfficeAt = corrected.AssignedByOfficeAt?.UtcDateTime,
                Now = now,
            },
            work.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The item with its submitters' contact details, for a caller allowed to see them.</summary>
    public NewProposal WithContactDetails(ProposalRecord record) => contacts.Open(record.Id, record.ToProposal(), record.ContactDetails);

    // the co-signers' names and places; their contact details are sealed with the lead's
    private static string CoSignersJson(IReadOnlyList<Submitter> coSigners) =>
        JsonSerializer.Serialize(coSigners.Select(c => c.WithoutContact()), Json);

    public async Task<IReadOnlyList<VersionRecord>> VersionsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VersionRecord>(new CommandDefinition(
            """
            SELECT version AS Version, data::text AS Data, valid_from AS ValidFrom, replaced_at AS ReplacedAt,
                   replaced_because AS ReplacedBecause, array_to_json(changed_fields)::text AS ChangedFieldsJson
            FROM proposal_versions WHERE proposal_id = @id ORDER BY version
            """,
            new { id }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Moves an item's stage on as another service reports a step of its handling: within a round only
    /// ever forward (events arrive in any order), a later round's step starts that round, and a returned
    /// item stays returned. False when intake does not know the item.
    /// </summary>
    public static async Task<bool> AdvanceAsync(
        UnitOfWork work, Guid proposalId, ProposalStage reached, CancellationToken cancellationToken, int? round = null) =>
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE proposals SET
                stage = CASE WHEN stage = @Returned THEN stage
                             WHEN @Round::smallint > round THEN @Stage
                             WHEN @Round IS NULL OR @Round::smallint = round THEN GREATEST(stage, @Stage)
                             ELSE stage END,
                round = GREATEST(round, COALESCE(@Round::smallint, round))
            WHERE id = @ProposalId
            """,
            new { ProposalId = proposalId, Stage = (short)reached, Round = (short?)round, Returned = (short)ProposalStage.Returned },
            work.Transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>
    /// Moves the item to the unit of a reassignment, unless a later reassignment was recorded first
    /// (an assignment recorded afterwards leaves it too: see migration 0006).
    /// </summary>
    public static Task ReassignUnitAsync(UnitOfWork work, Guid proposalId, string unitCode, DateTimeOffset reassignedAt, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE proposals SET assigned_unit_code = @UnitCode, unit_reassigned_at = @ReassignedAt
            WHERE id = @ProposalId AND (unit_reassigned_at IS NULL OR unit_reassigned_at < @ReassignedAt)
            """,
            new { ProposalId = proposalId, UnitCode = unitCode, ReassignedAt = reassignedAt },
            work.Transaction, cancellationToken: cancellationToken));
}

/// <summary>What a list of items can be filtered by; null means any.</summary>
public sealed record ProposalFilter(
    ProposalKind? Kind = null,
    int? SessionYear = null,
    int? Number = null,
    string? Tag = null,
    HandlingMode? HandlingMode = null,
    ProposalStage? Stage = null,
    string? Unit = null,
    bool? IsKeyItem = null,
    string? SubmittingUnit = null,
    string? BatchReference = null,
    string? Query = null,
    string? VisibleToUnit = null,
    int? SessionTerm = null,
    int? SessionMeeting = null);

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
    DateTimeOffset RegisteredAt,
    short SubmitterKind,
    string? SubmitterSector,
    byte[]? ContactDetails,
    string CoSigners,
    string TagsJson,
    short HandlingMode,
    bool IsKeyItem,
    string? SupervisingBody,
    string? BatchReference,
    DateTimeOffset? AssignedByOfficeAt,
    string? SubmittingUnitCode,
    string? AssignedUnitCode,
    int Version,
    DateTimeOffset? UpdatedAt,
    int Round,
    string CoHandlersJson)
{
    // Dapper matches constructors on the reader's field types, and Npgsql reports arrays as Array: read them as JSON.
    public string[] Tags => JsonSerializer.Deserialize<string[]>(TagsJson) ?? [];

    /// <summary>The units that co-handle the item (and so may read it).</summary>
    public string[] CoHandlerUnits => JsonSerializer.Deserialize<string[]>(CoHandlersJson) ?? [];

    /// <summary>The lead submitter without contact details (sealed in <see cref="ContactDetails"/>).</summary>
    public Submitter LeadSubmitter => new(
        (Domain.SubmitterKind)SubmitterKind, SubmitterName, SubmitterDelegation, SubmitterSector, Province, City, null, null);

    public IReadOnlyList<Submitter> CoSignerList =>
        JsonSerializer.Deserialize<List<Submitter>>(CoSigners, ProposalRepository.Json) ?? [];

    /// <summary>The item as stored, without contact details (<see cref="ProposalRepository.WithContactDetails"/> opens them).</summary>
    public NewProposal ToProposal() => new(
        (ProposalKind)Kind, SessionYear, SessionTerm, SessionMeeting, Number, Title, Text, SubmitterName, SubmitterDelegation,
        Province, City, Topic, LeadSubmitter, CoSignerList, Tags, (HandlingMode)HandlingMode, IsKeyItem, SupervisingBody,
        BatchReference, AssignedByOfficeAt, SubmittingUnitCode);
}

public sealed record ProposalSummaryRecord(
    Guid Id,
    short Kind,
    int SessionYear,
    int Number,
    string Title,
    string Topic,
    string TagsJson,
    short HandlingMode,
    bool IsKeyItem,
    short Stage,
    string? AssignedUnitCode,
    string SubmitterName,
    DateTimeOffset RegisteredAt,
    int Round)
{
    public string[] Tags => JsonSerializer.Deserialize<string[]>(TagsJson) ?? [];
}

/// <summary>An item as the register export writes it: no text, no contact details.</summary>
public sealed record ProposalRegisterRecord(
    short Kind,
    int SessionYear,
    int? SessionTerm,
    int? SessionMeeting,
    int Number,
    string Title,
    string SubmitterName,
    string Topic,
    string TagsJson,
    short HandlingMode,
    bool IsKeyItem,
    string? SupervisingBody,
    string? AssignedUnitCode,
    string CoHandlersJson,
    short Stage,
    int Round,
    string? SubmittingUnitCode,
    string? BatchReference,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? AssignedByOfficeAt)
{
    public string[] Tags => JsonSerializer.Deserialize<string[]>(TagsJson) ?? [];

    public string[] CoHandlerUnits => JsonSerializer.Deserialize<string[]>(CoHandlersJson) ?? [];
}

public sealed record VersionRecord(int Version, string Data, DateTimeOffset ValidFrom, DateTimeOffset ReplacedAt, string ReplacedBecause, string ChangedFieldsJson)
{
    public string[] ChangedFields => JsonSerializer.Deserialize<string[]>(ChangedFieldsJson) ?? [];
}

/// <summary>A step of an item's story: which round of handling it belongs to and which service reported it, when known.</summary>
