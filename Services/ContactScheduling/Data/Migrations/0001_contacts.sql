-- An assigned item owes the submitter a contact before its formal reply.
CREATE TABLE contact_tasks (
    proposal_id  uuid PRIMARY KEY,
    unit_code    text        NOT NULL,
    opened_at    timestamptz NOT NULL,
    completed_at timestamptz NULL
);

CREATE TABLE contacts (
    id          uuid PRIMARY KEY,
    proposal_id uuid        NOT NULL REFERENCES contact_tasks (proposal_id),
    channel     smallint    NOT NULL,
    occurred_at timestamptz NOT NULL,
    outcome     smallint    NOT NULL,
    handler     text        NOT NULL,
    notes       text        NULL,
    recorded_at timestamptz NOT NULL
);

CREATE INDEX ix_contacts_proposal ON contacts (proposal_id, occurred_at);
