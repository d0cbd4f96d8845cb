-- The views computed from the log. Each is a function of the events alone, whatever order they came
-- in (the newest fact wins by its own time, never by arrival), so a rebuild that replays the log in
-- its order gives the same rows. A rebuild empties them and replays: nothing here is kept otherwise.

-- one row per item that any event named; the registration's facts are null until ProposalRegistered came
CREATE TABLE items (
    proposal_id          uuid        PRIMARY KEY,
    kind                 smallint    NULL,
    session_year         integer     NULL,
    number               integer     NULL,
    registered_at        timestamptz NULL,
    batch_reference      text        NULL,
    submitting_unit      text        NULL,
    -- what a correction may change: the newest version wins (facts_at)
    facts_at             timestamptz NULL,
    session_term         integer     NULL,
    session_meeting      integer     NULL,
    title                text        NULL,
    topic                text        NULL,
    handling_mode        smallint    NULL,
    is_key_item          boolean     NULL,
    -- the lead unit: the newest of the assignment and the reassignments (lead_unit_at)
    lead_unit            text        NULL,
    lead_unit_name       text        NULL,
    lead_unit_at         timestamptz NULL,
    assigned_at          timestamptz NULL,
    due_at               timestamptz NULL,
    -- the newest extension of the first round's reply deadline
    extended_due_at      timestamptz NULL,
    extended_at          timestamptz NULL,
    returned_at          timestamptz NULL
);
CREATE INDEX items_year ON items (session_year);

CREATE TABLE item_co_handlers (
    proposal_id uuid NOT NULL,
    unit_code   text NOT NULL,
    PRIMARY KEY (proposal_id, unit_code)
);

-- rounds after the first (re-handling), each with its own deadline
CREATE TABLE item_reopenings (
    proposal_id uuid        NOT NULL,
    round       smallint    NOT NULL,
    unit_code   text        NOT NULL,
    reopened_at timestamptz NOT NULL,
    due_at      timestamptz NOT NULL,
    PRIMARY KEY (proposal_id, round)
);

CREATE TABLE contacts (
    contact_id      uuid        PRIMARY KEY,
    proposal_id     uuid        NOT NULL,
    channel         smallint    NULL,
    entrusted_unit  text        NULL,
    scheduled_at    timestamptz NULL,
    cancelled_at    timestamptz NULL,
    outcome         smallint    NULL,
    outcome_at      timestamptz NULL,
    reported_by     text        NULL
);
CREATE INDEX contacts_item ON contacts (proposal_id);

-- a round's contact with the lead submitter, which lets the reply be issued
CREATE TABLE contact_completions (
    proposal_id  uuid        NOT NULL,
    round        smallint    NOT NULL,
    contact_id   uuid        NOT NULL,
    channel      smallint    NOT NULL,
    completed_at timestamptz NOT NULL,
    PRIMARY KEY (proposal_id, round, contact_id)
);

CREATE TABLE replies (
    reply_id     uuid        PRIMARY KEY,
    proposal_id  uuid        NOT NULL,
    round        smallint    NOT NULL,
    result_class smallint    NOT NULL,
    issued_at    timestamptz NOT NULL,
    recipients   integer     NOT NULL
);
CREATE INDEX replies_item ON replies (proposal_id);

CREATE TABLE feedback (
    proposal_id uuid        NOT NULL,
    round       smallint    NOT NULL,
    on_result   smallint    NOT NULL,
    on_attitude smallint    NOT NULL,
    at          timestamptz NOT NULL,
    PRIMARY KEY (proposal_id, round)
);

CREATE TABLE rehandlings (
    proposal_id uuid        NOT NULL,
    round       smallint    NOT NULL,
    at          timestamptz NOT NULL,
    PRIMARY KEY (proposal_id, round)
);

-- pairs the office confirmed as the same content (并案); pairs sharing an item make one group
CREATE TABLE merged_pairs (
    first_id     uuid        NOT NULL,
    second_id    uuid        NOT NULL,
    confirmed_at timestamptz NOT NULL,
    PRIMARY KEY (first_id, second_id)
);

-- the item's story: a line per event, in the order the events happened
CREATE TABLE story_steps (
    log_seq     bigint      NOT NULL,
    line        integer     NOT NULL,
    proposal_id uuid        NOT NULL,
    step        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    detail      text        NOT NULL,
    round       smallint    NULL,
    source      text        NOT NULL,
    PRIMARY KEY (log_seq, line)
);
CREATE INDEX story_steps_item ON story_steps (proposal_id, occurred_at);

-- every rebuild of the views from the log: when, how many events it replayed, how long it took
CREATE TABLE view_rebuilds (
    rebuilt_at timestamptz NOT NULL PRIMARY KEY,
    events     bigint      NOT NULL,
    took_ms    bigint      NOT NULL
);
