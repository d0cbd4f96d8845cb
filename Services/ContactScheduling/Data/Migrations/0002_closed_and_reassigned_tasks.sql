-- A returned item's contact task is closed: no contact is recorded for it any more.
-- unit_reassigned_at orders reassignments, which may arrive before the assignment they change.
ALTER TABLE contact_tasks
    ADD COLUMN closed_at          timestamptz NULL,
    ADD COLUMN closed_reason      text        NULL,
    ADD COLUMN unit_reassigned_at timestamptz NULL;
