-- A returned item gets no formal reply. unit_reassigned_at orders reassignments, which may arrive
-- before the assignment they change.
ALTER TABLE reply_cases
    ADD COLUMN returned_at        timestamptz NULL,
    ADD COLUMN returned_reason    text        NULL,
    ADD COLUMN unit_reassigned_at timestamptz NULL;
