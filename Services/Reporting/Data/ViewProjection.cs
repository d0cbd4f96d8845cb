using Dapper;
using ProposalPlatform.Contracts.Assignment;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Contracts.Intake;
using ProposalPlatform.Contracts.Reply;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.Reporting.Domain;

namespace ProposalPlatform.Reporting.Data;

/// <summary>
/// Applies events of the log to the views, in the transaction that appends them (or replays them).
/// Every statement gives the same rows whatever order the events come in: a fact carries its own time
/// and the newest one wins, so live consumption and a rebuild agree.
/// </summary>
public static class ViewProjection
{
    public static async Task ApplyAsync(UnitOfWork work, IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken)
    {
        var x = new Statements(work, cancellationToken);
        await x.RegisteredAsync([.. events.SelectMany(e => e.Message switch
        {
            ProposalsRegistered m => m.Proposals,
            ProposalRegistered m => [m],
            _ => [],
        })]);
        await x.AssignedAsync([.. events.SelectMany(e => e.Message switch
        {
            ProposalsAssigned m => m.Assignments,
            ProposalAssigned m => [m],
            _ => [],
        })]);

        foreach (var e in events)
        {
            await (e.Message switch
            {
                ProposalCorrected m => x.CorrectedAsync(m),
                SimilarItemsConfirmed m => x.MergedAsync(m),
                ProposalReassigned m => x.ReassignedAsync(m),
                ProposalReturned m => x.ReturnedAsync(m),
                DeadlineExtended m => x.ExtendedAsync(m),
                CoHandlingAssigned m => x.CoHandlersAsync(m.ProposalId, [m.UnitCode]),
                ProposalReopened m => x.ReopenedAsync(m),
                ContactScheduled m => x.ScheduledAsync(m),
                ContactCancelled m => x.CancelledAsync(m),
                ContactOutcomeRecorded m => x.OutcomeAsync(m),
                ContactCompleted m => x.CompletedAsync(m),
                ReplyIssued m => x.RepliedAsync(m),
                FeedbackReceived m => x.FeedbackAsync(m),
                ReHandlingRequested m => x.ReHandlingAsync(m),
                HandlingGroupFormed m => x.GroupFormedAsync(m),
                ItemLeftHandlingGroup m => x.LeftGroupAsync(m),
                HandlingGroupDissolved m => x.GroupDissolvedAsync(m),
                _ => Task.CompletedTask,
            });
        }

        await x.StoryAsync(events);
    }

    private sealed class Statements(UnitOfWork work, CancellationToken cancellationToken)
    {
        private Task<int> Execute(string sql, object parameters) =>
            work.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, work.Transaction, cancellationToken: cancellationToken));

        public Task RegisteredAsync(IReadOnlyList<ProposalRegistered> registered)
        {
            if (registered.Count == 0)
            {
                return Task.CompletedTask;
            }

            // one row per item (an upsert may not touch a row twice), sorted so that concurrent batches lock rows in one order
            var items = registered.GroupBy(r => r.ProposalId).Select(g => g.MaxBy(r => r.RegisteredAt)!).OrderBy(r => r.ProposalId).ToList();
            return Execute(
                """
                INSERT INTO items AS i (proposal_id, kind, session_year, number, registered_at, batch_reference, submitting_unit,
                                        facts_at, session_term, session_meeting, title, topic, handling_mode, is_key_item)
                SELECT * FROM unnest(@Ids, @Kinds, @Years, @Numbers, @At, @Batches, @Submitting, @At, @Terms, @Meetings, @Titles, @Topics, @Modes, @Keys)
                ON CONFLICT (proposal_id) DO UPDATE SET
                    kind = EXCLUDED.kind, session_year = EXCLUDED.session_year, number = EXCLUDED.number,
                    registered_at = EXCLUDED.registered_at, batch_reference = EXCLUDED.batch_reference, submitting_unit = EXCLUDED.submitting_unit,
                    facts_at = GREATEST(i.facts_at, EXCLUDED.facts_at),
                    session_term = CASE WHEN i.facts_at > EXCLUDED.facts_at THEN i.session_term ELSE EXCLUDED.session_term END,
                    session_meeting = CASE WHEN i.facts_at > EXCLUDED.facts_at THEN i.session_meeting ELSE EXCLUDED.session_meeting END,
                    title = CASE WHEN i.facts_at > EXCLUDED.facts_at THEN i.title ELSE EXCLUDED.title END,
                    topic = CASE WHEN i.facts_at > EXCLUDED.facts_at THEN i.topic ELSE EXCLUDED.topic END,
                    handling_mode = CASE WHEN i.facts_at > EXCLUDED.facts_at THEN i.handling_mode ELSE EXCLUDED.handling_mode END,
                    is_key_item = CASE WHEN i.facts_at > EXCLUDED.facts_at THEN i.is_key_item ELSE EXCLUDED.is_key_item END
                """,
                new
                {
                    Ids = items.Select(r => r.ProposalId).ToArray(),
                    Kinds = items.Select(r => (short)r.Kind).ToArray(),
                    Years = items.Select(r => r.SessionYear).ToArray(),
                    Numbers = items.Select(r => r.Number).ToArray(),
                    At = items.Select(r => r.RegisteredAt.UtcDateTime).ToArray(),
                    Batches = items.Select(r => r.BatchReference).ToArray(),
                    Submitting = items.Select(r => r.SubmittingUnitCode).ToArray(),
                    Terms = items.Select(r => r.SessionTerm).ToArray(),
                    Meetings = items.Select(r => r.SessionMeeting).ToArray(),
                    Titles = items.Select(r => r.Title).ToArray(),
                    Topics = items.Select(r => r.Topic).ToArray(),
                    Modes = items.Select(r => (short)r.HandlingMode).ToArray(),
                    Keys = items.Select(r => r.IsKeyItem).ToArray(),
                });
        }

        public Task CorrectedAsync(ProposalCorrected m) => Execute(
            """
            INSERT INTO items AS i (proposal_id, facts_at, session_term, session_meeting, title, topic, handling_mode, is_key_item)
            VALUES (@ProposalId, @CorrectedAt, @SessionTerm, @SessionMeeting, @Title, @Topic, @HandlingMode, @IsKeyItem)
            ON CONFLICT (proposal_id) DO UPDATE SET
                facts_at = EXCLUDED.facts_at, session_term = EXCLUDED.session_term, session_meeting = EXCLUDED.session_meeting,
                title = EXCLUDED.title, topic = EXCLUDED.topic, handling_mode = EXCLUDED.handling_mode, is_key_item = EXCLUDED.is_key_item
            WHERE i.facts_at IS NULL OR i.facts_at < EXCLUDED.facts_at
            """,
            new { m.ProposalId, m.CorrectedAt, m.SessionTerm, m.SessionMeeting, m.Title, m.Topic, HandlingMode = (short)m.HandlingMode, m.IsKeyItem });

        public async Task AssignedAsync(IReadOnlyList<ProposalAssigned> assigned)
        {
            if (assigned.Count == 0)
            {
                return;
            }

            var items = assigned.GroupBy(a => a.ProposalId).Select(g => g.MaxBy(a => a.AssignedAt)!).OrderBy(a => a.ProposalId).ToList();
            await Execute(
                """
                INSERT INTO items AS i (proposal_id, lead_unit, lead_unit_name, lead_unit_at, assigned_at, due_at)
                SELECT id, unit, name, at, at, due FROM unnest(@Ids, @Units, @Names, @At, @Due) AS a(id, unit, name, at, due)
                ON CONFLICT (proposal_id) DO UPDATE SET
                    lead_unit = CASE WHEN i.lead_unit_at > EXCLUDED.lead_unit_at THEN i.lead_unit ELSE EXCLUDED.lead_unit END,
                    lead_unit_name = CASE WHEN i.lead_unit_at > EXCLUDED.lead_unit_at THEN i.lead_unit_name ELSE EXCLUDED.lead_unit_name END,
                    lead_unit_at = GREATEST(i.lead_unit_at, EXCLUDED.lead_unit_at),
                    due_at = CASE WHEN i.assigned_at > EXCLUDED.assigned_at THEN i.due_at ELSE EXCLUDED.due_at END,
                    assigned_at = GREATEST(i.assigned_at, EXCLUDED.assigned_at)
                """,
                new
                {
                    Ids = items.Select(a => a.ProposalId).ToArray(),
                    Units = items.Select(a => a.UnitCode).ToArray(),
                    Names = items.Select(a => a.UnitName).ToArray(),
                    At = items.Select(a => a.AssignedAt.UtcDateTime).ToArray(),
                    Due = items.Select(a => a.DueAt.UtcDateTime).ToArray(),
                });

            var coHandlers = assigned.SelectMany(a => (a.CoHandlingUnitCodes ?? []).Select(u => (a.ProposalId, Unit: u))).Distinct().ToList();
            if (coHandlers.Count > 0)
            {
                await Execute(
                    "INSERT INTO item_co_handlers (proposal_id, unit_code) SELECT * FROM unnest(@Ids, @Units) ON CONFLICT DO NOTHING",
                    new { Ids = coHandlers.Select(c => c.ProposalId).ToArray(), Units = coHandlers.Select(c => c.Unit).ToArray() });
            }
        }

        public Task CoHandlersAsync(Guid proposalId, IReadOnlyList<string> units) => Execute(
            "INSERT INTO item_co_handlers (proposal_id, unit_code) SELECT @proposalId, unnest(@units) ON CONFLICT DO NOTHING",
            new { proposalId, units = units.ToArray() });

        public Task ReassignedAsync(ProposalReassigned m) => Execute(
            """
            INSERT INTO items AS i (proposal_id, lead_unit, lead_unit_name, lead_unit_at) VALUES (@ProposalId, @ToUnitCode, @ToUnitName, @ReassignedAt)
            ON CONFLICT (proposal_id) DO UPDATE SET
                lead_unit = EXCLUDED.lead_unit, lead_unit_name = EXCLUDED.lead_unit_name, lead_unit_at = EXCLUDED.lead_unit_at
            WHERE i.lead_unit_at IS NULL OR i.lead_unit_at < EXCLUDED.lead_unit_at
            """,
            new { m.ProposalId, m.ToUnitCode, m.ToUnitName, m.ReassignedAt });

        public Task ReturnedAsync(ProposalReturned m) => Execute(
            """
            INSERT INTO items AS i (proposal_id, returned_at) VALUES (@ProposalId, @ReturnedAt)
            ON CONFLICT (proposal_id) DO UPDATE SET returned_at = LEAST(i.returned_at, EXCLUDED.returned_at)
            """,
            new { m.ProposalId, m.ReturnedAt });

        public Task ExtendedAsync(DeadlineExtended m) => Execute(
            """
            INSERT INTO items AS i (proposal_id, extended_due_at, extended_at) VALUES (@ProposalId, @NewDueAt, @ExtendedAt)
            ON CONFLICT (proposal_id) DO UPDATE SET extended_due_at = EXCLUDED.extended_due_at, extended_at = EXCLUDED.extended_at
            WHERE i.extended_at IS NULL OR i.extended_at < EXCLUDED.extended_at
            """,
            new { m.ProposalId, m.NewDueAt, m.ExtendedAt });

        public Task ReopenedAsync(ProposalReopened m) => Execute(
            """
            INSERT INTO item_reopenings (proposal_id, round, unit_code, reopened_at, due_at) VALUES (@ProposalId, @Round, @UnitCode, @ReopenedAt, @DueAt)
            ON CONFLICT DO NOTHING
            """,
            new { m.ProposalId, Round = (short)m.Round, m.UnitCode, m.ReopenedAt, m.DueAt });

        public Task ScheduledAsync(ContactScheduled m) => Execute(
            """
            INSERT INTO contacts AS c (contact_id, proposal_id, channel, entrusted_unit, scheduled_at) VALUES (@ContactId, @ProposalId, @Channel, @EntrustedUnitCode, @At)
            ON CONFLICT (contact_id) DO UPDATE SET
                channel = CASE WHEN c.scheduled_at > EXCLUDED.scheduled_at THEN c.channel ELSE EXCLUDED.channel END,
                entrusted_unit = CASE WHEN c.scheduled_at > EXCLUDED.scheduled_at THEN c.entrusted_unit ELSE EXCLUDED.entrusted_unit END,
                scheduled_at = GREATEST(c.scheduled_at, EXCLUDED.scheduled_at)
            """,
            new { m.ContactId, m.ProposalId, Channel = (short)m.Channel, m.EntrustedUnitCode, m.At });

        public Task CancelledAsync(ContactCancelled m) => Execute(
            """
            INSERT INTO contacts AS c (contact_id, proposal_id, cancelled_at) VALUES (@ContactId, @ProposalId, @At)
            ON CONFLICT (contact_id) DO UPDATE SET cancelled_at = LEAST(c.cancelled_at, EXCLUDED.cancelled_at)
            """,
            new { m.ContactId, m.ProposalId, m.At });

        public Task OutcomeAsync(ContactOutcomeRecorded m) => Execute(
            """
            INSERT INTO contacts AS c (contact_id, proposal_id, channel, outcome, outcome_at, reported_by)
            VALUES (@ContactId, @ProposalId, @Channel, @Outcome, @At, @ReportedByUnitCode)
            ON CONFLICT (contact_id) DO UPDATE SET
                channel = COALESCE(c.channel, EXCLUDED.channel),
                outcome = CASE WHEN c.outcome_at > EXCLUDED.outcome_at THEN c.outcome ELSE EXCLUDED.outcome END,
                reported_by = CASE WHEN c.outcome_at > EXCLUDED.outcome_at THEN c.reported_by ELSE EXCLUDED.reported_by END,
                outcome_at = GREATEST(c.outcome_at, EXCLUDED.outcome_at)
            """,
            new { m.ContactId, m.ProposalId, Channel = (short)m.Channel, Outcome = (short)m.Outcome, m.At, m.ReportedByUnitCode });

        public Task CompletedAsync(ContactCompleted m) => Execute(
            """
            INSERT INTO contact_completions (proposal_id, round, contact_id, channel, completed_at) VALUES (@ProposalId, @Round, @ContactId, @Channel, @CompletedAt)
            ON CONFLICT DO NOTHING
            """,
            new { m.ProposalId, Round = (short)m.Round, m.ContactId, Channel = (short)m.Channel, m.CompletedAt });

        public Task RepliedAsync(ReplyIssued m) => Execute(
            """
            INSERT INTO replies (reply_id, proposal_id, round, result_class, issued_at, recipients) VALUES (@ReplyId, @ProposalId, @Round, @ResultClass, @IssuedAt, @Recipients)
            ON CONFLICT DO NOTHING
            """,
            new { m.ReplyId, m.ProposalId, Round = (short)m.Round, ResultClass = (short)m.ResultClass, m.IssuedAt, m.Recipients });

        public Task FeedbackAsync(FeedbackReceived m) => Execute(
            """
            INSERT INTO feedback AS f (proposal_id, round, on_result, on_attitude, at) VALUES (@ProposalId, @Round, @OnResult, @OnAttitude, @At)
            ON CONFLICT (proposal_id, round) DO UPDATE SET on_result = EXCLUDED.on_result, on_attitude = EXCLUDED.on_attitude, at = EXCLUDED.at
            WHERE f.at < EXCLUDED.at
            """,
            new { m.ProposalId, Round = (short)m.Round, OnResult = (short)m.OnResult, OnAttitude = (short)m.OnAttitude, m.At });

        public Task ReHandlingAsync(ReHandlingRequested m) => Execute(
            "INSERT INTO rehandlings (proposal_id, round, at) VALUES (@ProposalId, @Round, @At) ON CONFLICT DO NOTHING",
            new { m.ProposalId, Round = (short)m.Round, m.At });

        public Task MergedAsync(SimilarItemsConfirmed m)
        {
            var (first, second) = m.FirstProposalId.CompareTo(m.SecondProposalId) < 0
                ? (m.FirstProposalId, m.SecondProposalId)
                : (m.SecondProposalId, m.FirstProposalId);
            return Execute(
                "INSERT INTO merged_pairs (first_id, second_id, confirmed_at) VALUES (@first, @second, @ConfirmedAt) ON CONFLICT DO NOTHING",
                new { first, second, m.ConfirmedAt });
        }

        public Task GroupFormedAsync(HandlingGroupFormed m) => Execute(
            """
            INSERT INTO handling_groups (group_id, formed_at) VALUES (@GroupId, @FormedAt)
            ON CONFLICT (group_id) DO UPDATE SET formed_at = EXCLUDED.formed_at;
            INSERT INTO handling_group_items (group_id, proposal_id) SELECT @GroupId, id FROM unnest(@ids) AS id ON CONFLICT DO NOTHING;
            """,
            new { m.GroupId, m.FormedAt, ids = m.ProposalIds.ToArray() });

        public Task LeftGroupAsync(ItemLeftHandlingGroup m) => Execute(
            """
            INSERT INTO handling_group_items (group_id, proposal_id, left_at) VALUES (@GroupId, @ProposalId, @LeftAt)
            ON CONFLICT (group_id, proposal_id) DO UPDATE SET left_at = EXCLUDED.left_at
            """,
            new { m.GroupId, m.ProposalId, m.LeftAt });

        public Task GroupDissolvedAsync(HandlingGroupDissolved m) => Execute(
            """
            INSERT INTO handling_groups (group_id, dissolved_at) VALUES (@GroupId, @DissolvedAt)
            ON CONFLICT (group_id) DO UPDATE SET dissolved_at = EXCLUDED.dissolved_at
            """,
            new { m.GroupId, m.DissolvedAt });

        public Task StoryAsync(IReadOnlyList<LoggedEvent> events)
        {
            var lines = events.SelectMany(e => StoryLines.Of(e.Message).Select((line, i) => (e.Seq, Line: i, line))).ToList();
            return lines.Count == 0
                ? Task.CompletedTask
                : Execute(
                    """
                    INSERT INTO story_steps (log_seq, line, proposal_id, step, occurred_at, detail, round, source)
                    SELECT * FROM unnest(@Seqs, @Lines, @Ids, @Steps, @At, @Details, @Rounds, @Sources)
                    """,
                    new
                    {
                        Seqs = lines.Select(l => l.Seq).ToArray(),
                        Lines = lines.Select(l => l.Line).ToArray(),
                        Ids = lines.Select(l => l.line.ProposalId).ToArray(),
                        Steps = lines.Select(l => l.line.Step).ToArray(),
                        At = lines.Select(l => l.line.OccurredAt.UtcDateTime).ToArray(),
                        Details = lines.Select(l => l.line.Detail).ToArray(),
                        Rounds = lines.Select(l => (short?)l.line.Round).ToArray(),
                        Sources = lines.Select(l => l.line.Source).ToArray(),
                    });
        }
    }
}
