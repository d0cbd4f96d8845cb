-- Issue 12: a batch that stops part-way (a database error, the service stopping, the client gone, a
-- crash) is marked failed with its reason instead of staying "processing"; posted again, it goes on
-- after the rows it kept (processed_through_line).
ALTER TABLE intake_batches
    ADD COLUMN failure_reason text        NULL,
    ADD COLUMN failed_at      timestamptz NULL;
