-- Issue 16: a batch interrupted by a crash (or a passing outage) is finished by intake itself. The
-- upload's body is kept, sealed with the personal-data keys (it holds the submitters' phones and
-- addresses), in parts of about 1 MiB until the batch ends; the batch counts the attempts that took it
-- up, and says when it was last interrupted, why, and when intake took it up again.
CREATE TABLE intake_batch_uploads (
    batch_id uuid    NOT NULL REFERENCES intake_batches (id),
    part     integer NOT NULL,
    content  bytea   NOT NULL,
    PRIMARY KEY (batch_id, part)
);

-- ciphertext has nothing the planner could use
ALTER TABLE intake_batch_uploads ALTER COLUMN content SET STATISTICS 0;

ALTER TABLE intake_batches
    -- the saved copy: how many parts it has once whole (null: none), the CSV's character set
    ADD COLUMN upload_parts        integer     NULL,
    ADD COLUMN upload_encoding     text        NULL,
    -- who posted it, whose the writes of an attempt that resumes it are
    ADD COLUMN submitted_by_id     text        NULL,
    ADD COLUMN submitted_by_name   text        NULL,
    ADD COLUMN submitted_by_unit   text        NULL,
    ADD COLUMN submitted_by_roles  text        NULL, -- comma-separated
    -- attempts that took it up (its upload the first), and when the latest began
    ADD COLUMN attempts            integer     NOT NULL DEFAULT 0,
    ADD COLUMN started_at          timestamptz NULL,
    ADD COLUMN resumed_at          timestamptz NULL,
    ADD COLUMN interrupted_at      timestamptz NULL,
    ADD COLUMN interruption_reason text        NULL;
