using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.IntegrationTests.Platform.Fuzzing;

/// <summary>What the platform holds that requests name: unit codes, districts, routing rules.</summary>
/// <param name="Batch">A batch the suite sent: its reference and the SHA-256 of its body, by which an upload is followed.</param>
/// <param name="Cluster">Two similar items of one unit: a cluster to confirm and a merged group to form.</param>
public sealed record KnownValues(
    IReadOnlyList<string> Units, IReadOnlyList<string> Departments, IReadOnlyList<string> Districts, IReadOnlyList<int> Rules, (string Reference, string ContentHash) Batch,
    IReadOnlyList<Guid> Cluster);

/// <summary>
/// What the OpenAPI documents leave unsaid about a field: they type every enum and every limited text
/// as a plain string, so the valid values (the enums' names, the lengths the services take, the
/// codes of existing units, a plan's end after its start), the domain's required fields and a few
/// values outside the domain are written here, keyed by schema and property (or by operation and
/// query parameter). A field not named here is generated from its schema alone.
/// The values keep the fuzz suite's traces away from what other tests rely on: rule keywords no item
/// contains, units that are departments (the 42 districts stay 42) covering places no one lives in.
/// </summary>
public sealed class DomainValues
{
    /// <summary>The first National People's Congress: no session is older.</summary>
    private const int FirstSessionYear = 1954;
    private const string Chinese = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研";
    private const string Ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Punctuation = " ，。、；：？！“”《》（）—…·,.;:?!()-_/'@#%&+=";

    private static readonly Gen<char> TextCharacter = Gen.Frequency(
        (12, (IGen<char>)Gen.Char[Chinese]), (6, Gen.Char[Ascii]), (2, Gen.Char[Punctuation]), (1, Gen.Char["\t\n"]));

    /// <summary>The ids as a JSON array, a new one each time (a node has one parent).</summary>
    private static Gen<JsonNode> Ids(IReadOnlyList<Guid> ids) => Gen.Const(() => (JsonNode)new JsonArray([.. ids.Select(id => JsonValue.Create(id.ToString()))]));

    private readonly Dictionary<string, FieldRule> _fields;
    private readonly Dictionary<string, FieldRule> _queries;

    public DomainValues(KnownValues known)
    {
        var now = DateTimeOffset.UtcNow;
        var year = now.Year;
        var name = Text(TextLimits.Name);
        var longName = Text(200);
        var reason = Text(TextLimits.Reason);
        var notes = Text(10_000);
        var comments = Text(4_000);
        // items go to departments: a district sees the items assigned to it or co-handled by it, and other tests count those
        var unit = Codes(known.Departments);
        var phone = Gen.Select(Gen.Int[130, 199], Gen.Int[0, 99_999_999], (p, n) => $"{p}{n:D8}").AsNode();
        // the sessions of the last century: other tests count the items of theirs
        var sessionYear = new FieldRule(Gen.Int[FirstSessionYear, 1999].AsNode(), Gen.OneOf(FirstSessionYear - 1, year + 2, 0, int.MinValue).AsNode());
        // a contact counts from the item's assignment on: the set-up assigned the suite's items moments before
        var past = Gen.Int[0, 999].Select(ms => (JsonNode)JsonValue.Create(now.AddMilliseconds(-ms).ToString("O", CultureInfo.InvariantCulture)));
        var future = Gen.Int[2 * 24, 300 * 24].Select(h => (JsonNode)JsonValue.Create(now.Date.AddHours(h).ToString("yyyy-MM-ddTHH:00:00+08:00", CultureInfo.InvariantCulture)));
        var ahead = Gen.Int[1, 72].Select(h => (JsonNode)JsonValue.Create(now.AddDays(1).AddHours(h).ToString("O", CultureInfo.InvariantCulture)));
        var pastOnly = new FieldRule(past, ahead);
        var longAgo = Gen.Int[1, 30].Select(d => (JsonNode)JsonValue.Create(now.AddDays(-d).ToString("O", CultureInfo.InvariantCulture)));
        var planned = new FieldRule(future, longAgo);
        var roles = Gen.OneOf(PlatformRoles.All.ToArray()).Array[1, 2].Select(r => (JsonNode)new JsonArray([.. r.Distinct().Select(x => JsonValue.Create(x))]));
        var badRoles = Gen.OneOf<JsonNode>(new JsonArray(), new JsonArray(JsonValue.Create("Emperor")), new JsonArray(JsonValue.Create(PlatformRoles.Ops), JsonValue.Create("")));
        var loginName = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789._-"], 6, 40].Select(s => (JsonNode)JsonValue.Create("fz" + s));
        var badLoginName = Gen.OneOf("ab", "has space", "名字", new string('x', 65), "semi;colon").AsNode();
        var email = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789_-"], 1, 30].Select(s => (JsonNode)JsonValue.Create($"fz{s}@customs.gov.cn"));
        var badEmail = Gen.OneOf("li.ming", "li.ming@customs", "李明 <li.ming@customs.gov.cn>", "a@customs.gov.cn, b@customs.gov.cn", " li@customs.gov.cn", "").AsNode();
        var office = Gen.Int[0, 3000].Select(d => (JsonNode)JsonValue.Create(now.AddDays(-d).ToString("O", CultureInfo.InvariantCulture)));

        _fields = new Dictionary<string, FieldRule>
        {
            // intake: an item
            ["ProposalSubmission.kind"] = Enum<ProposalKind>().AsRequired(),
            // numbers above the other tests' (Items.NextNumber)
            ["ProposalSubmission.number"] = new FieldRule(Gen.Int[1_000_000_000, int.MaxValue].AsNode(), Gen.OneOf(0, -1, int.MinValue).AsNode(), Required: true),
            ["ProposalSubmission.session"] = new FieldRule(Gen.Select(sessionYear.Valid, Gen.Int[1, 20], Gen.Int[1, 10],
                (y, t, m) => (JsonNode)new JsonObject { ["year"] = y, ["term"] = t, ["meeting"] = m }), Required: true),
            ["ProposalSubmission.title"] = Text(500).AsRequired(),
            ["ProposalSubmission.text"] = Text(100_000).AsRequired(),
            ["ProposalSubmission.topic"] = Text(200).AsRequired(),
            ["ProposalSubmission.leadSubmitter"] = new FieldRule(Submitter(longName, phone), Required: true),
            ["ProposalSubmission.handlingMode"] = Enum<HandlingMode>(),
            ["ProposalSubmission.supervisingBody"] = longName,
            ["ProposalSubmission.batchReference"] = Text(100),
            ["ProposalSubmission.assignedByOfficeAt"] = new FieldRule(office, Gen.OneOf("1900-01-01T00:00:00Z", "3000-01-01T00:00:00Z").AsNode()),
            // a code of no district: a district sees the items it registered, and other tests count those
            ["ProposalSubmission.submittingUnitCode"] = new FieldRule(Gen.String[Gen.Char["ABCDEFGHJKLMNPQRSTUVWXYZ23456789"], 4, 8].Select(s => (JsonNode)JsonValue.Create("FZ-" + s)),
                Gen.OneOf("has space", "逗号,", new string('A', 33)).AsNode()),
            ["ProposalSubmission.tags"] = new FieldRule(Text(50).Valid.Array[0, 3].Select(t => (JsonNode)new JsonArray(t)),
                Gen.OneOf<JsonNode>(new JsonArray(JsonValue.Create(new string('签', 51))), new JsonArray(JsonValue.Create("  ")))),
            ["SessionInput.year"] = sessionYear.AsRequired(),
            ["SessionInput.term"] = Positive(20),
            ["SessionInput.meeting"] = Positive(10),
            ["SubmitterInput.name"] = longName.AsRequired(),
            ["SubmitterInput.delegation"] = longName,
            // a co-signer may be named alone; the lead's place is the lead's generator's (Submitter), always given
            ["SubmitterInput.province"] = longName,
            ["SubmitterInput.city"] = longName,
            // a suggestion's submitters are deputies, a proposal's members or organisations: a kind is mostly left to the item's
            ["SubmitterInput.kind"] = new FieldRule(Gen.OneOf("Deputy", "Member", "Organisation").AsNode(), Gen.OneOf("Alien", "1").AsNode()).Seldom(),
            ["SubmitterInput.sector"] = longName,
            ["SubmitterInput.phone"] = new FieldRule(phone, Gen.OneOf("call me", new string('1', 41)).AsNode()),
            ["SubmitterInput.address"] = Text(500),
            ["CorrectionSubmission.reason"] = Text(2_000).AsRequired(),
            ["CorrectionSubmission.title"] = Text(500),
            ["CorrectionSubmission.text"] = Text(100_000),
            ["CorrectionSubmission.topic"] = Text(200),
            ["CorrectionSubmission.handlingMode"] = Enum<HandlingMode>(),
            ["CorrectionSubmission.supervisingBody"] = longName,
            ["CorrectionSubmission.sessionTerm"] = Positive(20),
            ["CorrectionSubmission.sessionMeeting"] = Positive(10),
            ["CorrectionSubmission.assignedByOfficeAt"] = new FieldRule(office),
            ["CorrectionSubmission.leadSubmitter"] = new FieldRule(Submitter(longName, phone)),
            ["BatchSubmission.batchReference"] = Text(100),
            ["BatchSubmission.assignedAt"] = new FieldRule(Gen.Int[0, 3000].Select(d => (JsonNode)JsonValue.Create(now.AddDays(-d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))),
            ["PairDecision.note"] = Text(500),
            // merged handling: the suite's cluster of two (a second group of it is refused, 409, as documented)
            ["SimilarClusterDecision.proposalIds"] = new FieldRule(Ids(known.Cluster), Ids([known.Cluster[0]]), Required: true),
            ["SimilarClusterDecision.note"] = Text(500),
            ["GroupSubmission.leadProposalId"] = new FieldRule(Gen.Const(() => (JsonNode)JsonValue.Create(known.Cluster[0].ToString())), Gen.Const(() => (JsonNode)JsonValue.Create(Guid.Empty.ToString())), Required: true),
            ["GroupSubmission.proposalIds"] = new FieldRule(Ids(known.Cluster), Ids([Guid.Empty]), Required: true),
            ["GroupSubmission.note"] = Text(500),

            // assignment
            ["ReassignRequest.unitCode"] = unit.AsRequired(),
            ["ReassignRequest.reason"] = reason.AsRequired(),
            ["ReturnRequest.reason"] = reason.AsRequired(),
            // three months on an item due three months after assignment, at most six in all
            ["ExtendRequest.months"] = new FieldRule(Gen.Int[1, 3].AsNode(), Gen.OneOf(0, 7, 99_999, int.MinValue).AsNode()),
            ["ExtendRequest.newDueAt"] = new FieldRule(Gen.Int[100, 170].Select(d => (JsonNode)JsonValue.Create(now.AddDays(d).ToString("O", CultureInfo.InvariantCulture)))),
            ["ExtendRequest.reason"] = reason.AsRequired(),
            ["CoHandlerRequest.unitCode"] = unit.AsRequired(),
            ["CoHandlerRequest.reason"] = reason.AsRequired(),
            ["OpinionRequest.opinion"] = Text(50_000).AsRequired(),
            // the suite's items were assigned moments before: today is the only day between their assignment and now
            ["ProgressExplanationRequest.channel"] = Enum<ExplanationChannel>().AsRequired(),
            ["ProgressExplanationRequest.explainedOn"] = new FieldRule(Gen.Const(() => (JsonNode)JsonValue.Create(Items.BeijingToday())),
                Gen.OneOf(BeijingDay(now.AddDays(1)), BeijingDay(now.AddDays(400)), "1900-01-01").AsNode(), Required: true),
            ["ProgressExplanationRequest.account"] = Text(TextLimits.Note).AsRequired(),
            // the holiday calendar: the suite's own years (FuzzTargets), far from any item's window
            ["CalendarYearRequest.source"] = reason.AsRequired(),
            ["CalendarYearRequest.days"] = new FieldRule(CalendarDays(FuzzTargets.ReplacedCalendarYear), Gen.OneOf<JsonNode>(
                new JsonArray(),
                new JsonArray(CalendarDay($"{FuzzTargets.ReplacedCalendarYear + 1}-01-01", "Holiday")),
                new JsonArray(CalendarDay($"{FuzzTargets.ReplacedCalendarYear}-01-04", "MakeUpWorkday")),
                new JsonArray(CalendarDay($"{FuzzTargets.ReplacedCalendarYear}-02-01", "Holiday"), CalendarDay($"{FuzzTargets.ReplacedCalendarYear}-02-01", "Holiday"))),
                Required: true),
            ["CalendarDayChange.kind"] = new FieldRule(Gen.OneOf("Holiday", "MakeUpWorkday").AsNode(), Gen.OneOf("Vacation", "Holidays", "1").AsNode(), Required: true),
            ["CalendarDayChange.name"] = name.AsRequired(),
            ["UnitRequest.code"] = new FieldRule(Gen.String[Gen.Char["ABCDEFGHJKLMNPQRSTUVWXYZ23456789"], 6, 10].Select(s => (JsonNode)JsonValue.Create("FZ-" + s)),
                Gen.OneOf("lower-case", "HAS SPACE", "X", new string('A', 41)).AsNode()),
            ["UnitRequest.name"] = name.AsRequired(),
            ["UnitRequest.kind"] = new FieldRule(Gen.Const(() => (JsonNode)JsonValue.Create("Department")), Gen.OneOf("Planet", "Districts").AsNode(), Required: true),
            // only a district covers places
            ["UnitRequest.coverage"] = new FieldRule(Gen.Const(() => (JsonNode)new JsonArray())),
            ["PlaceRequest.province"] = new FieldRule(Nowhere("模糊省"), Gen.OneOf(" ", "\t").AsNode(), Required: true),
            ["PlaceRequest.city"] = new FieldRule(Nowhere("模糊市")),
            ["RuleRequest.keyword"] = Keyword().AsRequired(),
            ["RuleRequest.unitCode"] = unit.AsRequired(),
            ["RuleRequest.priority"] = new FieldRule(Gen.Int[0, 1_000].AsNode(), Gen.OneOf(-1, int.MinValue).AsNode()),
            ["RuleRequest.coUnitCodes"] = new FieldRule(Gen.OneOf(known.Departments.ToArray()).Array[0, 2].Select(c => (JsonNode)new JsonArray([.. c.Select(x => JsonValue.Create(x))]))),
            ["RuleUpdateRequest.id"] = new FieldRule(Pick(known.Rules)),
            ["RuleUpdateRequest.keyword"] = Keyword().AsRequired(),
            ["RuleUpdateRequest.unitCode"] = unit.AsRequired(),
            ["RuleUpdateRequest.priority"] = new FieldRule(Gen.Int[0, 1_000].AsNode(), Gen.OneOf(-1, int.MinValue).AsNode()),
            ["RuleUpdateRequest.coUnitCodes"] = new FieldRule(Gen.Const(() => (JsonNode)new JsonArray())),
            ["DryRunRequest.remove"] = new FieldRule(Gen.OneOf(known.Rules.ToArray()).Array[0, 2].Select(r => (JsonNode)new JsonArray([.. r.Select(x => JsonValue.Create(x))]))),

            // contact scheduling
            ["ContactSubmission.channel"] = Enum<ContactChannel>().AsRequired(),
            ["ContactSubmission.occurredAt"] = pastOnly.AsRequired(),
            ["ContactSubmission.outcome"] = Enum<ContactOutcome>().AsRequired(),
            ["ContactSubmission.handler"] = longName.AsRequired(),
            ["ContactSubmission.notes"] = notes,
            ["ContactSubmission.submitterName"] = longName.Seldom(),
            ["ContactPlanRequest.channel"] = Enum<ContactChannel>().AsRequired(),
            ["ContactPlanRequest.plannedStart"] = planned.AsRequired(),
            ["ContactPlanRequest.plannedEnd"] = new FieldRule(future, Required: true),
            ["ContactPlanRequest.handler"] = longName,
            ["ContactPlanRequest.submitterName"] = longName.Seldom(),
            ["RescheduleRequest.plannedStart"] = planned.AsRequired(),
            ["RescheduleRequest.plannedEnd"] = new FieldRule(future, Required: true),
            ["RescheduleRequest.reason"] = reason.AsRequired(),
            ["CancelRequest.reason"] = reason.AsRequired(),
            ["OutcomeRequest.outcome"] = Enum<ContactOutcome>().AsRequired(),
            ["OutcomeRequest.notes"] = notes,
            ["OutcomeRequest.occurredAt"] = pastOnly,
            ["EntrustedScheduleRequest.plannedStart"] = planned.AsRequired(),
            ["EntrustedScheduleRequest.plannedEnd"] = new FieldRule(future, Required: true),
            ["EntrustedScheduleRequest.visitor"] = longName.AsRequired(),
            ["EntrustedScheduleRequest.reason"] = reason,
            ["EntrustedReportRequest.outcome"] = Enum<ContactOutcome>().AsRequired(),
            ["EntrustedReportRequest.report"] = notes.AsRequired(),
            ["EntrustedReportRequest.occurredAt"] = pastOnly,
            ["EntrustedReportRequest.visitor"] = longName,

            // reply
            ["DraftSubmission.text"] = Text(100_000).AsRequired(),
            ["SignOffSubmission.draftVersion"] = new FieldRule(Gen.Int[1, 3].AsNode(), Gen.OneOf(0, -1, int.MinValue).AsNode(), Required: true),
            ["SignOffSubmission.step"] = Enum<SignOffStep>().AsRequired(),
            ["SignOffSubmission.decision"] = new FieldRule(Gen.OneOf("Approve", "SendBack").AsNode(), Gen.OneOf("Maybe", "Approved").AsNode()),
            ["SignOffSubmission.comments"] = comments,
            // the unit head's (or the office's) decision: a handler's step takes none
            ["SignOffSubmission.publication"] = Enum<PublicationDecision>().Seldom(),
            ["SignOffSubmission.summary"] = Text(100_000),
            ["IssueSubmission.resultClass"] = Enum<ResultClass>().AsRequired(),
            ["IssueSubmission.leaderName"] = longName.AsRequired(),
            ["IssueSubmission.leaderPhone"] = new FieldRule(phone, Gen.OneOf("call me", "电话").AsNode(), Required: true),
            ["IssueSubmission.handlerName"] = longName.AsRequired(),
            ["IssueSubmission.handlerPhone"] = new FieldRule(phone, Gen.OneOf("call me", "电话").AsNode(), Required: true),
            ["FeedbackSubmission.onResult"] = Enum<SatisfactionLevel>().AsRequired(),
            ["FeedbackSubmission.onAttitude"] = Enum<SatisfactionLevel>().AsRequired(),
            ["FeedbackSubmission.comments"] = comments,

            // identity
            ["NewPerson.userName"] = new FieldRule(loginName, badLoginName, Required: true),
            ["NewPerson.displayName"] = name.AsRequired(),
            ["NewPerson.unitCode"] = new FieldRule(Pick(known.Units), Gen.OneOf("lower", "A B", new string('A', 51)).AsNode(), Required: true),
            ["NewPerson.roles"] = new FieldRule(roles, badRoles, Required: true),
            ["NewPerson.email"] = new FieldRule(email, badEmail),
            ["PersonEmail.email"] = new FieldRule(email, badEmail),
            ["NewClient.clientId"] = new FieldRule(loginName, badLoginName),
            ["NewClient.displayName"] = name.AsRequired(),
            ["NewClient.unitCode"] = new FieldRule(Pick(known.Units), Gen.OneOf("lower", "A B").AsNode(), Required: true),
            ["NewClient.roles"] = new FieldRule(roles, badRoles, Required: true),
        };

        var itemStatus = new FieldRule(Gen.OneOf("Registered", "Assigned", "ContactCompleted", "Replied", "Satisfied", "Dissatisfied", "Returned").AsNode(), Gen.OneOf("Lost", "7").AsNode());
        _queries = new Dictionary<string, FieldRule>
        {
            ["?kind"] = Enum<ProposalKind>(),
            ["?sessionYear"] = new FieldRule(sessionYear.Valid),
            ["?number"] = new FieldRule(Gen.Int[1, 1_000_000].AsNode()),
            // a filter that matches nothing answers an empty page: its text has no limit to break
            ["?topic"] = new FieldRule(name.Valid),
            ["?handlingMode"] = Enum<HandlingMode>(),
            ["ListProposals?status"] = itemStatus,
            // the register export takes the list's filters
            ["ExportProposals?status"] = itemStatus,
            ["ListSimilarPairs?status"] = new FieldRule(Gen.OneOf("Candidate", "Confirmed", "Dismissed").AsNode(), Gen.OneOf("Lost", "2").AsNode()),
            ["?unit"] = new FieldRule(Pick(known.Units)),
            ["?submittingUnit"] = new FieldRule(Pick(known.Districts)),
            ["?batchReference"] = new FieldRule(Text(100).Valid),
            ["?q"] = new FieldRule(Text(500).Valid, Gen.OneOf(" ", new string('查', 501)).AsNode()),
            // a page past any end is an empty page, not a refusal
            ["?page"] = new FieldRule(Gen.Frequency((8, (IGen<int>)Gen.Int[1, 5]), (1, Gen.Int[6, int.MaxValue]), (1, Gen.Const(int.MaxValue))).AsNode(), Gen.OneOf(0, -1, int.MinValue).AsNode()),
            ["?pageSize"] = Integer(1, 200),
            ["?format"] = new FieldRule(Gen.OneOf("csv", "xlsx", "XLSX").AsNode(), Gen.OneOf("pdf", "xls", "csv,xlsx", "1", "").AsNode()),
            ["?days"] = Integer(1, 366),
            ["?limit"] = Integer(1, 5_000),
            ["FindDistrictForPlace?province"] = new FieldRule(Gen.OneOf("广东省", "北京市", "浙江省", "模糊省").AsNode(), Gen.OneOf(" ", "").AsNode(), Required: true),
            ["FindDistrictForPlace?city"] = new FieldRule(Gen.OneOf("深圳市", "广州市", "杭州市", "模糊市").AsNode()),
            ["ListEntrustedVisits?district"] = new FieldRule(Pick(known.Districts), Required: true),
            ["ListFollowUps?unitCode"] = new FieldRule(Pick(known.Units)),
            ["ListSignOffQueue?unitCode"] = new FieldRule(Pick(known.Units)),
            // without a reference, the latest batch of the content is found
            ["FindBatch?reference"] = new FieldRule(Gen.Const(known.Batch.Reference).AsNode(), Gen.OneOf(" ", "\t").AsNode()),
            ["FindBatch?contentHash"] = new FieldRule(Gen.Const(known.Batch.ContentHash).AsNode(), Gen.OneOf("xyz", new string('0', 63), new string('g', 64)).AsNode(), Required: true),
            // reporting: a session year, and its term and meeting
            ["?year"] = new FieldRule(Gen.Int[FirstSessionYear, year + 1].AsNode(), Gen.OneOf(FirstSessionYear - 1, 2201, 0, int.MinValue).AsNode(), Required: true),
            ["?term"] = Positive(100),
            ["?meeting"] = Positive(10),
        };
    }

    private static string BeijingDay(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonNode CalendarDay(string date, string kind) => new JsonObject { ["date"] = date, ["kind"] = kind, ["name"] = "模糊节" };

    /// <summary>A year's days as a notice gives them: distinct dates of <paramref name="year"/>, holidays on any day, make-up working days on Saturdays.</summary>
    private static Gen<JsonNode> CalendarDays(int year) =>
        Gen.Int[0, 364].Array[1, 6].Select(offsets => (JsonNode)new JsonArray([.. offsets
            .Select(offset =>
            {
                var day = new DateOnly(year, 1, 1).AddDays(offset);
                var saturday = day.AddDays(((int)DayOfWeek.Saturday - (int)day.DayOfWeek + 7) % 7);
                return saturday.Year == year && offset % 3 == 0 ? (Day: saturday, Kind: "MakeUpWorkday") : (Day: day, Kind: "Holiday");
            })
            .DistinctBy(d => d.Day)
            .Select(d => CalendarDay(d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Kind))]));

    /// <summary>What a property of a schema takes, where this table says more than the document.</summary>
    public FieldRule? Field(string? schema, string property) => _fields.GetValueOrDefault($"{schema}.{property}");

    /// <summary>What a query parameter of an operation takes, where this table says more than the document.</summary>
    public FieldRule? Query(string operationId, string parameter) =>
        _queries.GetValueOrDefault($"{operationId}?{parameter}") ?? _queries.GetValueOrDefault($"?{parameter}");

    /// <summary>Where the service takes a request whole and reports the errors of its elements (a batch's rows) instead of refusing it.</summary>
    public static bool ReportsErrorsOf(string? schema, string property) => (schema, property) is ("BatchSubmission", "items");

    /// <summary>The rules between a schema's fields: a plan ends after it starts, an extension gives months or a date.</summary>
    public static void Relate(string? schema, JsonObject value, PCG pcg)
    {
        if (value["plannedStart"] is JsonValue start && start.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out var at) && value.ContainsKey("plannedEnd"))
        {
            value["plannedEnd"] = at.AddMinutes(15 * (1 + pcg.Next(12))).ToString("O", CultureInfo.InvariantCulture);
        }

        if (schema == "ExtendRequest" && value.ContainsKey("months") == value.ContainsKey("newDueAt"))
        {
            value.Remove(pcg.Chance(50) ? "months" : "newDueAt");
            if (!value.ContainsKey("months") && !value.ContainsKey("newDueAt"))
            {
                value["months"] = 1;
            }
        }
    }

    /// <summary>Random text of at most <paramref name="max"/> characters (now and then exactly that many); one more is outside.</summary>
    public static FieldRule Text(int max)
    {
        var shortText = Gen.Int[1, Math.Min(max, 40)].SelectMany(length => Gen.String[TextCharacter, length, length]);
        var valid = Gen.Frequency((19, (IGen<string>)shortText), (1, Gen.Const(() => new string('长', max))))
            .Select(s => (JsonNode)JsonValue.Create(s.Trim().Length == 0 ? "空" + s : s));
        var outside = Gen.Int[max + 1, max + Math.Min(max, 20)].Select(length => (JsonNode)JsonValue.Create(new string('超', length)));
        return new FieldRule(valid, outside);
    }

    private static FieldRule Enum<T>() where T : struct, System.Enum =>
        new(Gen.OneOf(System.Enum.GetNames<T>()).AsNode(), Gen.OneOf("Unknown", System.Enum.GetNames<T>()[0] + "s", "1", "0", "*").AsNode());

    private static FieldRule Integer(int min, int max) =>
        new(Gen.Int[min, max].AsNode(), Gen.OneOf(min - 1, max == int.MaxValue ? min - 2 : max + 1, int.MinValue).AsNode());

    /// <summary>A positive number, valid up to any size (the sessions to come); mostly up to <paramref name="usually"/>.</summary>
    private static FieldRule Positive(int usually) => new(Gen.Int[1, usually].AsNode(), Gen.OneOf(0, -1, int.MinValue).AsNode());

    private static Gen<JsonNode> Pick(IReadOnlyList<string> values) => Gen.OneOf(values.ToArray()).AsNode();

    private static Gen<JsonNode> Pick(IReadOnlyList<int> values) => values.Count == 0 ? Gen.Int[1, 10].AsNode() : Gen.OneOf(values.ToArray()).AsNode();

    private static FieldRule Codes(IReadOnlyList<string> units) => new(Pick(units), Gen.OneOf("NO-SUCH-UNIT", "x y").AsNode());

    /// <summary>A keyword no item of another test contains: latin letters after "fz".</summary>
    private static FieldRule Keyword() =>
        new(Gen.String[Gen.Char["bcdfghjkmpqrtvwxz"], 8, 12].Select(s => (JsonNode)JsonValue.Create("fz" + s)),
            Gen.OneOf(" ", new string('词', TextLimits.Name + 1)).AsNode());

    /// <summary>A place no one lives in, so a unit covering it takes no other test's visit.</summary>
    private static Gen<JsonNode> Nowhere(string suffix) =>
        Gen.String[Gen.Char[Chinese], 2, 4].Select(s => (JsonNode)JsonValue.Create("模" + s + suffix));

    private static Gen<JsonNode> Submitter(FieldRule name, Gen<JsonNode> phone) =>
        Gen.Select(name.Valid, Gen.OneOf("广东省", "浙江省", "北京市"), phone, Gen.Bool,
            (who, province, number, withPhone) =>
            {
                var submitter = new JsonObject { ["name"] = who, ["delegation"] = "广东代表团", ["province"] = province, ["city"] = province == "广东省" ? "深圳市" : "杭州市" };
                if (withPhone)
                {
                    submitter["phone"] = number;
                }

                return (JsonNode)submitter;
            });
}
