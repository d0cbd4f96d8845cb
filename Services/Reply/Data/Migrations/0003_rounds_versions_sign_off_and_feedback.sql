-- Issue 4: the reply has rounds (re-handling after dissatisfaction), draft versions, a sign-off
-- chain, co-handlers' opinions, issued replies with recipients, and the submitters' feedback.
-- reply_cases keeps one row per item (the row every writer locks); the history lives in the tables below.
ALTER TABLE reply_cases
    ADD COLUMN round               integer     NOT NULL DEFAULT 1,
    ADD COLUMN reopened_at         timestamptz NULL,
    ADD COLUMN handling_mode       smallint    NULL,
    ADD COLUMN is_key_item         boolean     NOT NULL DEFAULT false,
    ADD COLUMN lead_submitter_name text        NULL,
    ADD COLUMN co_signer_names     text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN registered_at       timestamptz NULL;

-- A completed contact counts for its own round only.
CREATE TABLE reply_contacts (
    proposal_id  uuid        NOT NULL,
    round        integer     NOT NULL,
    completed_at timestamptz NOT NULL,
    PRIMARY KEY (proposal_id, round)
);

INSERT INTO reply_contacts (proposal_id, round, completed_at)
SELECT proposal_id, 1, contact_completed_at FROM reply_cases WHERE contact_completed_at IS NOT NULL;

-- Every save of the lead unit's draft is a new version; none is overwritten.
CREATE TABLE reply_drafts (
    proposal_id uuid        NOT NULL,
    round       integer     NOT NULL,
    version     integer     NOT NULL,
    text        text        NOT NULL,
    saved_by    text        NOT NULL,
    saved_at    timestamptz NOT NULL,
    PRIMARY KEY (proposal_id, round, version)
);

INSERT INTO reply_drafts (proposal_id, round, version, text, saved_by, saved_at)
SELECT proposal_id, 1, 1, draft_text, '(saved before draft versions)', COALESCE(draft_updated_at, now())
FROM reply_cases WHERE draft_text IS NOT NULL;

-- Each step of the chain, for one draft version: the handler submits, the unit head and (key items)
-- the proposal office approve or send back. The deciding step records the publication decision.
CREATE TABLE reply_sign_offs (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    proposal_id   uuid        NOT NULL,
    round         integer     NOT NULL,
    draft_version integer     NOT NULL,
    step          smallint    NOT NULL,
    approved      boolean     NOT NULL,
    signed_by     text        NOT NULL,
    comments      text        NULL,
    publication   smallint    NULL,
    summary       text        NULL,
    signed_at     timestamptz NOT NULL
);

CREATE INDEX reply_sign_offs_by_version ON reply_sign_offs (proposal_id, round, draft_version, id);

-- Units that owe the lead unit a written opinion; the opinion may arrive before the assignment.
CREATE TABLE reply_co_handlers (
    proposal_id    uuid        NOT NULL,
    unit_code      text        NOT NULL,
    unit_name      text        NULL,
    assigned_at    timestamptz NULL,
    opinion_due_at timestamptz NULL,
    opinion        text        NULL,
    submitted_by   text        NULL,
    submitted_at   timestamptz NULL,
    PRIMARY KEY (proposal_id, unit_code)
);

-- One formal reply per item and round.
CREATE TABLE issued_replies (
    reply_id      uuid        PRIMARY KEY,
    proposal_id   uuid        NOT NULL,
    round         integer     NOT NULL,
    draft_version integer     NOT NULL,
    result_class  smallint    NOT NULL,
    reply_text    text        NOT NULL,
    leader_name   text        NULL,
    leader_phone  text        NULL,
    handler_name  text        NULL,
    handler_phone text        NULL,
    publication   smallint    NOT NULL,
    public_text   text        NULL,
    issued_at     timestamptz NOT NULL,
    UNIQUE (proposal_id, round)
);

INSERT INTO issued_replies (reply_id, proposal_id, round, draft_version, result_class, reply_text, publication, issued_at)
SELECT reply_id, proposal_id, 1, 1, result_class, COALESCE(draft_text, ''), 3, issued_at
FROM reply_cases WHERE issued_at IS NOT NULL AND reply_id IS NOT NULL AND result_class IS NOT NULL;

-- The lead submitter and every co-signer of the reply, one row each.
CREATE TABLE reply_recipients (
    reply_id uuid    NOT NULL REFERENCES issued_replies (reply_id),
    position integer NOT NULL,
    name     text    NOT NULL,
    is_lead  boolean NOT NULL,
    PRIMARY KEY (reply_id, position)
);

-- The submitter's answer to one issued reply.
CREATE TABLE reply_feedback (
    reply_id    uuid        PRIMARY KEY REFERENCES issued_replies (reply_id),
    proposal_id uuid        NOT NULL,
    round       integer     NOT NULL,
    on_result   smallint    NOT NULL,
    on_attitude smallint    NOT NULL,
    comments    text        NULL,
    received_at timestamptz NOT NULL
);

CREATE INDEX reply_feedback_by_proposal ON reply_feedback (proposal_id);
