using System.Globalization;
using System.Text.RegularExpressions;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Application;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Gateway;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Intake.Domain;
using ProposalPlatform.Portal.Clients;
using ProposalPlatform.Reply.Domain;
using ProposalPlatform.Reporting.Domain;
using ProposalPlatform.ServiceDefaults;
using ContactProblems = ProposalPlatform.ContactScheduling.Apis.Problems;
using AssignmentProblems = ProposalPlatform.Assignment.Apis.Problems;

namespace ProposalPlatform.UnitTests.Portal;

/// <summary>
/// The services' own messages, got by calling their rules with bad input, come out in Chinese: a
/// message whose English changes no longer fits its shape and fails here instead of showing English.
/// </summary>
public sealed partial class Showing_the_services_messages_in_Chinese
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
    private static readonly Guid Item = Guid.Parse("3f2a8c1e-0000-4000-8000-00000000abcd");

    /// <summary>Codes a Chinese message may still show: formats, result classes, and the CSV's own column and value names.</summary>
    private static readonly string[] Codes =
    [
        "CSV", "JSON", "UTF-8", "GB18030", "GBK", "GB2312", "SHA-256", "A", "B", "C", "D", "true", "false",
        .. BatchCsv.RequiredColumns, .. BatchCsv.OptionalColumns, .. Enum.GetNames<HandlingMode>(), .. Enum.GetNames<SubmitterKind>(),
    ];

    [Fact]
    public void Every_refusal_of_a_registration_is_Chinese()
    {
        var empty = new ProposalSubmission(null, null, null, null, null, null, null);
        var wrong = new ProposalSubmission(
            "Motion", new SessionInput(1900, 0, -1), 0, new string('题', 501), "正文", new SubmitterInput("张三", null, "广东", "深圳", "Member", Phone: "call me"),
            "口岸", [null, new SubmitterInput(" ", null, null, null)], ["", new string('签', 51)], "Alone", SupervisingBody: new string('督', 201),
            AssignedByOfficeAt: new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), SubmittingUnitCode: "香港 关");
        var suggestion = new ProposalSubmission(
            "Suggestion", new SessionInput(2026, 14, 4), 12, "标题", "正文", new SubmitterInput("张三", null, "广东", "深圳", "Member"), "口岸",
            CoSigners: [.. Enumerable.Repeat(new SubmitterInput("李四", null, "广东", "深圳"), 501)], Tags: [.. Enumerable.Repeat("签", 21)]);
        var proposal = suggestion with { Kind = "Proposal", LeadSubmitter = new SubmitterInput("张三", null, "广东", "深圳", "Deputy"), CoSigners = null, Tags = null, HandlingMode = "Lead", Text = "A\u0001" };

        AssertAllChinese(
            new[] { empty, wrong, suggestion, proposal, empty with { Kind = "Proposal" } }.SelectMany(s => Messages(ProposalRules.Validate(s, 2026).Errors)),
            "Motion", "Alone", "call me", "香港 关");
    }

    [Fact]
    public void Every_refusal_of_a_batch_is_Chinese()
    {
        var header = BatchCsv.ReadHeader(new CsvRecord(1, ["kind", "Kind", "colour", "title"])).Errors;
        var row = BatchCsv.ReadRow(
            new CsvRecord(2, ["Suggestion", "twenty", "x", "标题", "正文", "口岸", "张三", "广东", "深圳", "maybe"]),
            BatchCsv.RequiredColumns.Append("isKeyItem").Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i)).Errors;
        var failure = BatchFailure.Of(new TimeoutException(), clientGone: false, stopping: false);

        AssertAllChinese(
        [
            .. Messages(BatchCsv.ReadHeader(null).Errors), .. Messages(header), .. row.Select(e => e.Message),
            .. Messages(BatchRules.ValidateHeader(null, "soon", 2026).Errors), .. Messages(BatchRules.ValidateHeader(new string('批', 101), null, 2026).Errors),
            BatchFailure.Abandoned.Reason, failure.Detail(0, 0, 0, 0, 0), failure.Detail(1500, 1499, 1400, 90, 9),
            BatchFailure.Of(new InvalidOperationException(), clientGone: true, stopping: false).Reason,
            BatchFailure.Of(new InvalidOperationException(), clientGone: false, stopping: true).Detail(0, 0, 0, 0, 0),
            "The batch was interrupted; intake finishes it by itself.",
            BatchResume.InterruptedDetail(BatchFailure.Abandoned.Reason, Item, 1500, 1500, 1490, 9, 1),
            BatchResume.InterruptedDetail(failure.Reason, Item, 0, 0, 0, 0, 0),
            BatchResume.FailureReason(BatchResumeDecision.FailNoCopy, 1), BatchResume.FailureReason(BatchResumeDecision.FailInterruptedTooOften, 5),
            BatchResume.CopyUnusableReason,
        ], "colour", "soon", "TimeoutException", "InvalidOperationException");
    }

    [Fact]
    public void What_the_gateway_says_of_an_interrupted_batch_is_Chinese()
    {
        const string forwarded = "The gateway could not forward the request to intake (Request).";
        var batch = new System.Text.Json.Nodes.JsonObject { ["id"] = Item, ["status"] = "Processing", ["keptThroughLine"] = 1000, ["rowsProcessed"] = 1000, ["finishedByIntake"] = true };
        var find = $"/api/intake/batches?contentHash={new string('a', 64)}";

        AssertAllChinese(
        [
            .. Problem(InterruptedBatches.Describe("The intake service is unavailable.", forwarded, 503, BatchUploadSeen.NotWhollySent, null, null)),
            .. Problem(InterruptedBatches.Describe("The intake service is unavailable.", forwarded, 503, BatchUploadSeen.NotStored, null, find)),
            .. Problem(InterruptedBatches.Describe("The intake service is unavailable.", forwarded, 503, BatchUploadSeen.Found, batch, find)),
            .. Problem(InterruptedBatches.Describe("The intake service is unavailable.", forwarded, 503, BatchUploadSeen.Found, With(batch, "finishedByIntake", false), find)),
            .. Problem(InterruptedBatches.Describe("The intake service is unavailable.", forwarded, 503, BatchUploadSeen.Found, With(batch, "status", "Completed"), find)),
            .. Problem(InterruptedBatches.Describe("The intake service is unavailable.", forwarded, 503, BatchUploadSeen.Unknown, null, find)),
        ], "intake", "Request");

        static System.Text.Json.Nodes.JsonObject With(System.Text.Json.Nodes.JsonObject batch, string name, System.Text.Json.Nodes.JsonNode value)
        {
            var changed = batch.DeepClone().AsObject();
            changed[name] = value;
            return changed;
        }
    }

    [Fact]
    public void An_unclosed_quote_in_a_CSV_is_told_in_Chinese()
    {
        var records = CsvRecords.ReadAsync(new StringReader("kind,title\nSuggestion,\"never closed\n")).ToBlockingEnumerable().ToList();

        AssertChinese(Assert.Single(records, r => r.Malformed is not null).Malformed!);
    }

    [Fact]
    public void Every_refusal_of_a_contact_is_Chinese()
    {
        var past = Now.AddDays(-1);
        var future = Now.AddDays(1);
        var submitters = new ItemSubmitters("张三", "广东", "深圳", ["李四", "王五"]);
        var slot = new PlannedSlot(Guid.NewGuid(), Item, "赵六", "张三", future, future.AddHours(1));
        List<string> messages =
        [
            .. Messages(PlanRules.Validate(new ContactPlanRequest(null, null, null, null, " "), Now).Errors),
            .. Messages(PlanRules.Validate(new ContactPlanRequest("Pigeon", past, past.AddHours(-1), " "), Now).Errors),
            .. Messages(PlanRules.Validate(new ContactPlanRequest("Phone", future, future.AddHours(13), new string('人', 201)), Now).Errors),
            .. Messages(PlanRules.Validate(new RescheduleRequest(future, future.AddHours(1), null), Now).Errors),
            .. Messages(PlanRules.Validate(new RescheduleRequest(future, future.AddHours(1), new string('因', 2001)), Now).Errors),
            .. Messages(PlanRules.Validate(new CancelRequest(" "))),
            .. Messages(PlanRules.Validate(new OutcomeRequest("Lost", new string('注', 10_001), future), Now).Errors),
            .. Messages(PlanRules.Validate(new EntrustedScheduleRequest(null, null, null, new string('因', 2001)), Now).Errors),
            .. Messages(PlanRules.Validate(new EntrustedReportRequest(null, null, future, " "), Now).Errors),
            .. Messages(ContactRules.Validate(new ContactSubmission(null, future, "Lost", null, null, " "), Now).Errors),
            .. new[]
            {
                ContactTransitions.RefuseReschedule(ContactStatus.Done), ContactTransitions.RefuseReschedule(ContactStatus.Cancelled),
                ContactTransitions.RefuseCancel(ContactStatus.Done), ContactTransitions.RefuseCancel(ContactStatus.Cancelled),
                ContactTransitions.RefuseOutcome(ContactStatus.Done, false, false), ContactTransitions.RefuseOutcome(ContactStatus.Cancelled, false, false),
                ContactTransitions.RefuseOutcome(ContactStatus.Planned, entrusted: true, byDistrict: false),
                ContactTransitions.RefuseOutcome(ContactStatus.Planned, entrusted: false, byDistrict: true),
                ContactTransitions.RefuseSameTime(future, future.AddHours(1), future, future.AddHours(1)),
            }.OfType<string>(),
            .. Problem(ContactProblems.NoContact(Guid.NewGuid())),
            .. Problem(ContactProblems.Returned(new ContactTaskRecord(Item, "HQ-FTZ", past, null, Now, "Returned", 1, past))),
            .. Problem(ContactProblems.SubmittersUnknown(Item)),
            .. Problem(ContactProblems.Refused(Guid.NewGuid(), ContactTransitions.RefuseCancel(ContactStatus.Done)!)),
            .. Problem(ContactProblems.Clashes(new Clash(ClashKind.Handler, slot))),
            .. Problem(ContactProblems.Clashes(new Clash(ClashKind.Submitter, slot))),
            .. Problem(ContactProblems.DistrictsUnavailable()),
            .. Problem(ContactProblems.NoDistrictCovers(submitters)),
            .. Problem(ContactProblems.NotYourDistrict("DIST-GZ", "DIST-SZ")),
            ContactProblems.NotASubmitter(submitters).Message,
            ContactProblems.NotASubmitter(submitters with { CoSignerNames = [] }).Message,
        ];

        AssertAllChinese(messages, "Pigeon", "Lost", "HQ-FTZ", "DIST-GZ", "DIST-SZ");
    }

    [Fact]
    public void Every_refusal_of_a_reply_is_Chinese()
    {
        var reply = new ReplyCase(Item, "HQ-FTZ", Now.AddDays(-30), null, null, null);
        var signedOff = reply with
        {
            DraftVersion = 2,
            SignOffs = [new SignOffEntry(SignOffStep.Handler, true, "赵六", null, Now, ById: "u1"), new SignOffEntry(SignOffStep.UnitHead, true, "钱七", null, Now)],
        };
        var submitted = reply with { DraftVersion = 2, SignOffs = [new SignOffEntry(SignOffStep.Handler, true, "赵六", null, Now, ById: "u1")] };
        SignOffRequest Step(SignOffStep step, int version = 2, string byId = "u2") => new(version, step, true, "赵六", null, null, null, byId);
        Guid[] four = [Item, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        List<string> messages =
        [
            .. Messages(ReplyRules.ValidateDraft(new DraftSubmission(" "))),
            .. Messages(ReplyRules.ValidateIssue(new IssueSubmission(null)).Errors),
            .. Messages(ReplyRules.ValidateIssue(new IssueSubmission("E")).Errors),
            .. Messages(ReplyRules.ValidateSignatories(new IssueSubmission("A"))),
            .. Messages(ReplyRules.ValidateSignatories(new IssueSubmission("A", new string('名', 201), "phone", "赵六", "12"))),
            .. Messages(SignOffRules.Validate(new SignOffSubmission(null, null, null)).Errors),
            .. Messages(SignOffRules.Validate(new SignOffSubmission(1, "Handler", "SendBack", Publication: "Summary")).Errors),
            .. Messages(SignOffRules.Validate(new SignOffSubmission(1, "UnitHead", "SendBack", Publication: "Loud")).Errors),
            .. Messages(SignOffRules.Validate(new SignOffSubmission(1, "UnitHead", "Approve", Publication: "Summary")).Errors),
            .. Messages(SignOffRules.Validate(new SignOffSubmission(1, "Nobody", "Maybe")).Errors),
            .. Messages(SignOffRules.ValidatePublication(submitted, Step(SignOffStep.UnitHead))),
            .. Messages(SignOffRules.ValidatePublication(submitted with { IsKeyItem = true }, Step(SignOffStep.UnitHead) with { Publication = PublicationDecision.FullText })),
            .. Messages(FeedbackRules.Validate(new FeedbackSubmission(null, "Happy", new string('意', 4001))).Errors),
            FeedbackRules.ReHandlingReason(1, new FeedbackRequest(SatisfactionLevel.Dissatisfied, SatisfactionLevel.Satisfied, null)),
            FeedbackRules.ReHandlingReason(1, new FeedbackRequest(SatisfactionLevel.Dissatisfied, SatisfactionLevel.Satisfied, "还要再办")),
            .. Refusal(FeedbackRules.RefuseFeedback(Item, null)),
            .. Refusal(FeedbackRules.RefuseFeedback(Item, new LatestReply(Guid.NewGuid(), 1, HasFeedback: true))),
            .. Refusal(ReplyRules.RefuseWork(reply with { IssuedAt = Now })),
            .. Refusal(ReplyRules.RefuseWork(reply with { ReturnedAt = Now })),
            .. Refusal(ReplyRules.RefuseWork(reply with { HandlingMode = HandlingMode.CoHandling })),
            .. Refusal(ReplyRules.RefuseWork(reply with { Group = new GroupMembership(Guid.NewGuid(), Guid.NewGuid()) })),
            .. Issue(ReplyRules.RefuseIssue(reply with { Group = new GroupMembership(Guid.NewGuid(), Guid.NewGuid()) })),
            .. Messages(HandlingGroupRules.Validate(new GroupSubmission(null, null, new string('注', 501))).Errors),
            .. Messages(HandlingGroupRules.Validate(new GroupSubmission(Item, [Guid.Empty], null)).Errors),
            .. Messages(HandlingGroupRules.Validate(new GroupSubmission(Item, [Item], null)).Errors),
            .. Messages(HandlingGroupRules.Validate(new GroupSubmission(Item, [.. Enumerable.Range(0, 101).Select(_ => Guid.NewGuid())], null)).Errors),
            .. Refusal(HandlingGroupRules.RefuseLeaving(reply, Item)),
            .. HandlingGroupRules.RefuseForming(reply with { IsKeyItem = false }, [
                reply with { AssignedAt = null }, reply with { ReturnedAt = Now }, reply with { IssuedAt = Now },
                reply with { HandlingMode = HandlingMode.CoHandling }, reply with { Group = new GroupMembership(Guid.NewGuid(), Item) },
                reply with { UnitCode = "HQ-PORTS" }, reply with { IsKeyItem = true }]).Select(p => p.Problem),
            .. new[] { SimilarClusters.Validate([Guid.Empty, Item]).Error!, SimilarClusters.Validate([Item]).Error!,
                SimilarClusters.Validate([.. Enumerable.Range(0, 101).Select(_ => Guid.NewGuid())]).Error! },
            SimilarClusters.RefuseCluster([Item, Guid.NewGuid()], [])!,
            SimilarClusters.RefuseCluster(four, [(four[0], four[1]), (four[2], four[3])])!,
            .. Refusal(HandlingGroupRules.RefuseLeaving(signedOff, Guid.NewGuid())),
            .. Issue(ReplyRules.RefuseIssue(reply with { IssuedAt = Now })),
            .. Issue(ReplyRules.RefuseIssue(reply with { ReturnedAt = Now })),
            .. Issue(ReplyRules.RefuseIssue(reply with { UnitCode = null, AssignedAt = null })),
            .. Issue(ReplyRules.RefuseIssue(reply with { HandlingMode = HandlingMode.CoHandling })),
            .. Issue(ReplyRules.RefuseIssue(reply)),
            .. Issue(ReplyRules.RefuseIssue(submitted with { ContactCompletedAt = Now, DraftText = "答复" })),
            .. Refusal(SignOffRules.RefuseSignOff(reply, Step(SignOffStep.Handler))),
            .. Refusal(SignOffRules.RefuseSignOff(submitted, Step(SignOffStep.Handler, version: 1))),
            .. Refusal(SignOffRules.RefuseSignOff(signedOff, Step(SignOffStep.UnitHead))),
            .. Refusal(SignOffRules.RefuseSignOff(submitted, Step(SignOffStep.ProposalOffice))),
            .. Refusal(SignOffRules.RefuseSignOff(submitted, Step(SignOffStep.UnitHead, byId: "u1"))),
            .. Refusal(SignOffRules.RefuseSignOff(reply with { DraftVersion = 2, OutstandingOpinions = ["HQ-PORTS"] }, Step(SignOffStep.Handler))),
        ];

        AssertAllChinese(messages, "HQ-FTZ", "HQ-PORTS", "phone", "Happy", "Loud", "Nobody", "Maybe", "E");
    }

    [Fact]
    public void Every_refusal_of_an_extension_a_return_and_an_assignment_is_Chinese()
    {
        var assignedAt = Now.AddMonths(-1);
        var dueAt = assignedAt.AddMonths(3);
        List<string> messages =
        [
            .. Messages(DeadlineExtensions.Decide(assignedAt, dueAt, null, null, null, null).Errors),
            .. Messages(DeadlineExtensions.Decide(assignedAt, dueAt, dueAt.AddDays(1), 1, new string('因', 2001), "钱七").Errors),
            .. Messages(DeadlineExtensions.Decide(assignedAt, dueAt, null, 0, "因", "钱七").Errors),
            .. Messages(DeadlineExtensions.Decide(assignedAt, dueAt, null, 7, "因", "钱七").Errors),
            .. Messages(DeadlineExtensions.Decide(assignedAt, dueAt, dueAt.AddDays(-1), null, "因", "钱七").Errors),
            .. Messages(DeadlineExtensions.Decide(assignedAt, dueAt, assignedAt.AddMonths(7), null, "因", "钱七").Errors),
            Returns.Decide(assignedAt, Now, new DayCountRule { Days = 10 }, WorkingCalendar.Empty).RefusalDetail,
            DeadlineExtensions.UnexplainedTitle,
            DeadlineExtensions.UnexplainedDetail(Item, assignedAt, 2),
            .. Problem(AssignmentProblems.NotAssigned(Item)),
            .. Problem(AssignmentProblems.AlreadyReturned(Item)),
            .. Problem(AssignmentProblems.NoSuchUnit("HQ-NONE")),
            .. Problem(AssignmentProblems.NoSuchRule(7)),
            .. Problem(AssignmentProblems.PlacesTaken([new Coverage("DIST-SZ", "广东", "深圳"), new Coverage("DIST-GZ", "广东", null)])),
        ];

        AssertAllChinese(messages, "HQ-NONE", "DIST-SZ", "DIST-GZ");
    }

    [Fact]
    public void Every_refusal_of_the_holiday_calendar_and_of_a_progress_explanation_and_the_missing_year_warning_is_Chinese()
    {
        var monday = new DateOnly(2026, 2, 16);
        var yearErrors = new Dictionary<string, string[]>();
        CalendarRequests.Validate(1900, new CalendarYearRequest(null, [new CalendarDayRequest(monday, "MakeUpWorkday", "春节"), new(monday, "Holiday", "春节"),
            new(new DateOnly(2027, 1, 1), "Holiday", "元旦"), new(null, null, null), new(monday, "Vacation", " "), null]), yearErrors);
        var dayErrors = new Dictionary<string, string[]>();
        CalendarRequests.Validate("soon", new CalendarDayChange(null, null), dayErrors);
        var weekdays = Enumerable.Range(0, 5).Select(i => monday.AddDays(i)).SelectMany(day =>
        {
            var errors = new Dictionary<string, string[]>();
            CalendarRequests.Validate(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), new CalendarDayChange("MakeUpWorkday", "春节"), errors);
            return Messages(errors);
        });
        var tooMany = new Dictionary<string, string[]>();
        CalendarRequests.Validate(2026, new CalendarYearRequest("通知", [.. Enumerable.Repeat(new CalendarDayRequest(monday, "Holiday", "春节"), 367)]), tooMany);
        var empty = new Dictionary<string, string[]>();
        CalendarRequests.Validate(2026, new CalendarYearRequest("通知", []), empty);
        var assignedOn = new DateOnly(2026, 3, 2);
        List<string> messages =
        [
            .. Messages(yearErrors), .. Messages(dayErrors), .. weekdays, .. Messages(tooMany), .. Messages(empty),
            .. Messages(RecordProgressExplanationHandler.Validate(new ProgressExplanationRequest(null, null, null), assignedOn, assignedOn)),
            .. Messages(RecordProgressExplanationHandler.Validate(new ProgressExplanationRequest("Pigeon", assignedOn.AddDays(1), new string('说', 4001)), assignedOn, assignedOn)),
            .. Messages(RecordProgressExplanationHandler.Validate(new ProgressExplanationRequest("Letter", assignedOn.AddDays(-1), "说明"), assignedOn, assignedOn)),
            .. Problem(AssignmentProblems.NoCalendarYear(2027)),
            .. Problem(AssignmentProblems.NoCalendarDay(monday)),
            WorkingCalendar.MissingYearWarning(2027),
            "The calendar year is not valid.", "The calendar day is not valid.", new RecordProgressExplanationHandler(null!).InvalidTitle,
        ];

        AssertAllChinese(messages, "Vacation", "soon", "Pigeon");
    }

    [Fact]
    public void The_shared_refusals_are_Chinese()
    {
        var district = new Caller("u1", "孙八", "DIST-SZ", new HashSet<string> { PlatformRoles.DistrictOfficer });
        var item = new ItemParties("HQ-FTZ", ["HQ-PORTS"], "DIST-SZ");
        List<string> messages =
        [
            ProblemDetailsAuthorizationResultHandler.Explain(null),
            PlainText.Describe("a\u0007b", 1), PlainText.Describe("a\ud800", 1), TextLimits.Exceeded(new string('字', 51), TextLimits.Code)!,
            .. Enum.GetValues<ItemOperation>().Select(o => ItemAccessRules.Decide(district, item, o).Reason).OfType<string>(),
            .. Enum.GetValues<ItemOperation>().Select(o => ItemAccessRules.Decide(district, ItemParties.Unassigned with { SubmittingUnit = "DIST-SZ" }, o).Reason).OfType<string>(),
        ];

        AssertAllChinese(messages, "HQ-FTZ", "DIST-SZ", "0007");
    }

    [Fact]
    public void Every_line_of_an_items_story_is_Chinese_with_its_times_in_Beijing_time()
    {
        var other = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 3, 2, 17, 30, 0, TimeSpan.Zero);
        object[] events =
        [
            new ProposalRegistered(Item, ProposalKind.Suggestion, 2026, 1234, "标题", "口岸", "张三", "广东", "深圳", at),
            new ProposalRegistered(Item, ProposalKind.Proposal, 2026, 88, "标题", "口岸", "张三", "广东", "深圳", at, BatchReference: "2026-第3批"),
            new ProposalCorrected(Item, 2, ["title", "coSigners", "leadSubmitter"], "改正错字", at, "标题", "口岸", [], HandlingMode.Lead, false, null, "张三", "广东", "深圳"),
            new SimilarItemsConfirmed(Guid.NewGuid(), Item, other, "建议提案办理处", at),
            new HandlingGroupFormed(Guid.NewGuid(), Item, "HQ-FTZ", [Item, other], "建议提案办理处", at),
            new HandlingGroupFormed(Guid.NewGuid(), other, "HQ-FTZ", [other, Item], "建议提案办理处", at),
            new ItemLeftHandlingGroup(Guid.NewGuid(), Item, "内容不同", "建议提案办理处", at),
            new HandlingGroupDissolved(Guid.NewGuid(), [Item, other], "另行办理", "建议提案办理处", at),
            new ProposalAssigned(Item, "HQ-FTZ", "自贸区和综合保税区司", at, at.AddMonths(3)),
            new ProposalReassigned(Item, "HQ-FTZ", "HQ-PORTS", "口岸监管司", "职责调整", "钱七", at),
            new ProposalReturned(Item, "HQ-FTZ", "不属本署职责", "钱七", at),
            new DeadlineExtended(Item, "HQ-FTZ", at, at.AddMonths(1), "需调研", "钱七", at),
            new DeadlineExtended(Item, "HQ-FTZ", at, at.AddMonths(2), "需调研", "钱七", at, Guid.NewGuid(), new DateOnly(2026, 5, 20)),
            .. Enum.GetValues<ExplanationChannel>().Select(c => new ProgressExplained(Item, Guid.NewGuid(), "HQ-FTZ", 1, c, new DateOnly(2026, 5, 20), "赵六", at)),
            new DeadlineMissed(Item, DeadlineKind.Reply, "HQ-FTZ", at, at),
            new DeadlineMissed(Item, DeadlineKind.CoHandlingOpinion, "HQ-PORTS", at, at),
            new DeadlineApproaching(Item, DeadlineKind.Reply, "HQ-FTZ", at, at),
            new DeadlineApproaching(Item, DeadlineKind.CoHandlingOpinion, "HQ-PORTS", at, at),
            new CoHandlingAssigned(Item, "HQ-FTZ", "HQ-PORTS", "口岸监管司", at, at.AddMonths(1)),
            new CoHandlingOpinionSubmitted(Item, "HQ-PORTS", "赵六", at),
            new ProposalReopened(Item, 2, "HQ-FTZ", at, at.AddMonths(1)),
            .. Enum.GetValues<ContactChannel>().Select(c => new ContactScheduled(Item, Guid.NewGuid(), c, at, at.AddHours(1), "赵六", "张三", null, false, at)),
            new ContactScheduled(Item, Guid.NewGuid(), ContactChannel.EntrustedVisit, at, at.AddHours(1), "赵六", "张三", "DIST-SZ", true, at),
            new ContactCancelled(Item, Guid.NewGuid(), "代表出差", "赵六", at),
            .. Enum.GetValues<ContactOutcome>().Select(o => new ContactOutcomeRecorded(Item, Guid.NewGuid(), ContactChannel.Phone, o, "张三", true, null, at)),
            new ContactOutcomeRecorded(Item, Guid.NewGuid(), ContactChannel.EntrustedVisit, ContactOutcome.ReachedAndAgreed, "李四", false, "DIST-SZ", at),
            new ContactCompleted(Item, Guid.NewGuid(), ContactChannel.Meeting, at),
            new ContactMissing(Item, "HQ-FTZ", 1, at, 15, at),
            new ReplyDrafted(Item, 1, 3, "赵六", at),
            .. Enum.GetValues<SignOffStep>().Select(s => new ReplySignOffRecorded(Item, 1, 3, s, true, "钱七", null, at)),
            new ReplySignOffRecorded(Item, 1, 3, SignOffStep.UnitHead, false, "钱七", "请补充数据", at),
            .. Enum.GetValues<PublicationDecision>().Select(p => new ReplyIssued(Item, Guid.NewGuid(), ResultClass.B, at, 1, 3, p)),
            new ReplyIssued(Item, Guid.NewGuid(), ResultClass.A, at, 2, 1, PublicationDecision.FullText, "署办函〔2026〕15号"),
            new FeedbackReceived(Item, Guid.NewGuid(), 1, SatisfactionLevel.BasicallySatisfied, SatisfactionLevel.Dissatisfied, at),
            new ReHandlingRequested(Item, 1, FeedbackRules.ReHandlingReason(1, new FeedbackRequest(SatisfactionLevel.Dissatisfied, SatisfactionLevel.Satisfied, "还要再办")), at),
        ];
        var lines = events.SelectMany(StoryLines.Of).ToList();

        Assert.Equal(StorySteps().Count, lines.Select(l => l.Step).Distinct().Count());
        AssertAllChinese(lines.Select(l => l.Detail), "HQ-FTZ", "HQ-PORTS", "DIST-SZ", other.ToString());
        var planned = ChineseMessages.ToChinese(lines.First(l => l.Step == ProposalPlatform.Reporting.Domain.StorySteps.ContactScheduled).Detail);
        Assert.Contains("2026-03-03 01:30 至 2026-03-03 02:30", planned, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_issued_as_a_letter_is_told_with_its_number()
    {
        var line = Assert.Single(StoryLines.Of(new ReplyIssued(Item, Guid.NewGuid(), ResultClass.A, Now, 1, 2, PublicationDecision.FullText, "署办函〔2026〕15号")));

        Assert.StartsWith("已正式答复（署办函〔2026〕15号），办理结果为 A 类，答复 2 位代表委员", ChineseMessages.ToChinese(line.Detail), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shape_has_its_Chinese_template_and_leaves_no_English()
    {
        foreach (var (key, english) in ServiceMessages.Shapes)
        {
            var sample = Placeholder().Replace(english, p => Sample(p.Groups["name"].Value));
            AssertChinese(sample, Codes.Append("HQ-FTZ").Append(Item.ToString()).ToArray());
        }

        Assert.Equal(ServiceMessages.Shapes.Count, ServiceMessages.Shapes.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public void A_time_is_shown_in_Beijing_time_and_a_field_in_words()
    {
        Assert.Equal("沟通须提前安排；2026-03-02 09:30 已过（已进行的沟通请直接记录）。",
            ChineseMessages.ToChinese("A contact is planned ahead; 2026-03-02T01:30:00.0000000+00:00 has passed (record a past contact instead)."));
        Assert.Equal("附议人（第 2 项）省份为必填项。", ChineseMessages.ToChinese("coSigners[1].province is required."));
    }

    [Fact]
    public void An_unknown_message_is_shown_as_it_came_and_English_readers_see_the_original()
    {
        const string unknown = "Something no service has ever said.";
        const string known = "The draft is missing.";
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal(known, ChineseMessages.Show(known));

            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("尚无答复稿。", ChineseMessages.Show(known));
            Assert.Equal(unknown, ChineseMessages.Show(unknown));
            Assert.Equal("尚无答复稿。 Something no service has ever said.", ChineseMessages.Show($"{known} {unknown}"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private static IReadOnlyCollection<string> StorySteps() =>
        [.. typeof(ProposalPlatform.Reporting.Domain.StorySteps).GetFields().Select(f => (string)f.GetValue(null)!)];

    private static IEnumerable<string> Messages(IDictionary<string, string[]> errors) => errors.Values.SelectMany(m => m);

    private static IEnumerable<string> Problem(Microsoft.AspNetCore.Mvc.ProblemDetails problem) => [problem.Title!, problem.Detail!];

    private static IEnumerable<string> Refusal(ProposalPlatform.Reply.Domain.Refusal? refusal) =>
        refusal is null ? throw new InvalidOperationException("Expected a refusal.") : [refusal.Title, refusal.Detail];

    private static IEnumerable<string> Issue(IssueRefusal? refusal) =>
        refusal is null ? throw new InvalidOperationException("Expected a refusal.") : [refusal.Title, refusal.Detail];

    private static void AssertAllChinese(IEnumerable<string> messages, params string[] values)
    {
        var all = messages.ToList();
        Assert.NotEmpty(all);
        Assert.All(all, m => AssertChinese(m, values));
    }

    /// <summary>The message in Chinese: no ASCII word left once the values it carries (and GUIDs) are taken out.</summary>
    private static void AssertChinese(string english, params string[] values)
    {
        var chinese = ChineseMessages.ToChinese(english);
        var rest = Guids().Replace(chinese, "");
        foreach (var value in values.Concat(Codes).Where(v => v.Length > 0).OrderByDescending(v => v.Length))
        {
            rest = Regex.Replace(rest, $@"(?<![A-Za-z]){Regex.Escape(value)}(?![A-Za-z])", "");
        }

        Assert.True(!AsciiLetter().IsMatch(rest) && Cjk().IsMatch(chinese), $"Not Chinese: \"{english}\" shows as \"{chinese}\"");
    }

    private static string Sample(string name) => name switch
    {
        _ when name.StartsWith("fields", StringComparison.Ordinal) => "title, tags",
        _ when name.StartsWith("field", StringComparison.Ordinal) => "leadSubmitter.name",
        _ when name.StartsWith("list", StringComparison.Ordinal) => "Phone, Video",
        _ when name.StartsWith("msg", StringComparison.Ordinal) => "The draft is missing.",
        "id" or "id2" => Item.ToString(),
        "at" or "at2" => "2026-03-02T01:30:00.0000000+00:00",
        "day" or "day2" => "2026-03-02",
        "decision" => "sent back",
        "kind" or "kind2" => "Suggestion",
        "channel" => "Visit",
        "step" or "step2" => "UnitHead",
        "level" or "level2" => "BasicallySatisfied",
        "outcome" => "Unreachable",
        "publication" => "NotPublic",
        "class" => "B",
        "status" => "Confirmed",
        "type" => "int",
        _ when name.StartsWith("code", StringComparison.Ordinal) => "HQ-FTZ",
        _ => "7",
    };

    [GeneratedRegex(@"\{(?<name>[A-Za-z]\w*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guids();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex AsciiLetter();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();
}
