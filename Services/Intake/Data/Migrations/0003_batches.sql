-- A batch from the assigning office: one row per upload of distinct content, so that the same
-- content uploaded again is recognised, and a batch interrupted mid-way resumes after the last
-- chunk that committed.
CREATE TABLE intake_batches (
    id                     uuid PRIMARY KEY,
    reference              text        NOT NULL,
    content_hash           text        NOT NULL,
    format                 text        NOT NULL,
    assigned_at            timestamptz NULL,
    status                 smallint    NOT NULL,
    received_at            timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    completed_at           timestamptz NULL,
    processed_through_line integer     NOT NULL DEFAULT 0,
    rows_processed         integer     NOT NULL DEFAULT 0,
    accepted               integer     NOT NULL DEFAULT 0,
    already_known          integer     NOT NULL DEFAULT 0,
    rejected               integer     NOT NULL DEFAULT 0,
    CONSTRAINT uq_intake_batches_content UNIQUE (reference, content_hash)
);

CREATE TABLE intake_batch_errors (
    batch_id uuid    NOT NULL REFERENCES intake_batches (id),
    line     integer NOT NULL,
    field    text    NOT NULL,
    message  text    NOT NULL,
    PRIMARY KEY (batch_id, line, field, message)
);
