-- One notice per reminder, whatever message brought it: a reminder published again under a new message
-- id (a replay) names the same unit, item, kind, due date, days and time, and adds nothing. Duplicates
-- that came before are folded into the first (a notice a digest already carried is kept).
DELETE FROM notices n
USING notices first
WHERE first.unit_code = n.unit_code AND first.proposal_id = n.proposal_id AND first.kind = n.kind
  AND first.due_at IS NOT DISTINCT FROM n.due_at AND first.days IS NOT DISTINCT FROM n.days AND first.at = n.at
  AND first.id < n.id AND n.digest_id IS NULL;

CREATE UNIQUE INDEX ux_notices_reminder ON notices (unit_code, proposal_id, kind, COALESCE(due_at, '-infinity'), COALESCE(days, -1), at);
