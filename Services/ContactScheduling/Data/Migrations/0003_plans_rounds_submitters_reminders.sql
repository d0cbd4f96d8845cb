-- What the service learns of each item from intake: whom the contact must reach and where they live.
CREATE TABLE proposal_submitters (
    proposal_id         uuid PRIMARY KEY,
    lead_submitter_name text        NOT NULL,
    province            text        NOT NULL,
    city                text        NOT NULL,
    co_signer_names     text[]      NOT NULL DEFAULT '{}',
    registered_at       timestamptz NOT NULL
);

-- Rounds: round 1 is the first handling; ProposalReopened starts round N, which needs its own contact.
-- completed_at (above) is the completion of the current round.
ALTER TABLE contact_tasks
    ADD COLUMN round           integer     NOT NULL DEFAULT 1,
    ADD COLUMN round_opened_at timestamptz NULL;

-- A contact is planned (with a time), done (with an outcome) or cancelled. Contacts recorded after the
-- fact (0001) are done, with the lead submitter, in round 1.
ALTER TABLE contacts
    ALTER COLUMN occurred_at DROP NOT NULL,
    ALTER COLUMN outcome DROP NOT NULL,
    ALTER COLUMN handler DROP NOT NULL,
    ADD COLUMN status                text        NOT NULL DEFAULT 'Done',
    ADD COLUMN round                 integer     NOT NULL DEFAULT 1,
    ADD COLUMN planned_start         timestamptz NULL,
    ADD COLUMN planned_end           timestamptz NULL,
    ADD COLUMN submitter_name        text        NULL,
    ADD COLUMN with_lead_submitter   boolean     NOT NULL DEFAULT true,
    ADD COLUMN entrusted_unit_code   text        NULL,
    ADD COLUMN reported_by_unit_code text        NULL,
    ADD COLUMN report                text        NULL,
    ADD COLUMN cancelled_reason      text        NULL;

-- conflicts are looked for among planned contacts only
CREATE INDEX ix_contacts_planned ON contacts (planned_start, planned_end) WHERE status = 'Planned';
CREATE INDEX ix_contacts_entrusted ON contacts (entrusted_unit_code, planned_start) WHERE entrusted_unit_code IS NOT NULL;

-- Every change of a contact, so planning, rescheduling and cancelling keep their history.
CREATE TABLE contact_changes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id uuid        NOT NULL REFERENCES contacts (id),
    kind       text        NOT NULL,
    by_whom    text        NOT NULL,
    at         timestamptz NOT NULL,
    reason     text        NULL,
    old_start  timestamptz NULL,
    old_end    timestamptz NULL,
    new_start  timestamptz NULL,
    new_end    timestamptz NULL
);

CREATE INDEX ix_contact_changes_contact ON contact_changes (contact_id, id);

-- ContactCompleted is published once per item and round: the key is taken with the outbox row.
CREATE TABLE contact_completions (
    proposal_id  uuid        NOT NULL,
    round        integer     NOT NULL,
    contact_id   uuid        NOT NULL,
    completed_at timestamptz NOT NULL,
    PRIMARY KEY (proposal_id, round)
);

-- ContactMissing is sent once per item and round, across restarts and instances.
CREATE TABLE contact_reminders (
    proposal_id uuid        NOT NULL,
    round       integer     NOT NULL,
    sent_at     timestamptz NOT NULL,
    PRIMARY KEY (proposal_id, round)
);

-- Tasks completed before rounds existed completed round 1: their ContactCompleted is out already.
INSERT INTO contact_completions (proposal_id, round, contact_id, completed_at)
SELECT t.proposal_id, 1,
       COALESCE((SELECT c.id FROM contacts c WHERE c.proposal_id = t.proposal_id AND c.outcome IN (1, 2)
                 ORDER BY c.recorded_at LIMIT 1), '00000000-0000-0000-0000-000000000000'),
       t.completed_at
FROM contact_tasks t
WHERE t.completed_at IS NOT NULL;
