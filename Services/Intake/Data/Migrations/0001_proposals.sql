CREATE TABLE proposals (
    id                   uuid PRIMARY KEY,
    kind                 smallint    NOT NULL,
    session_year         integer     NOT NULL,
    session_term         integer     NULL,
    session_meeting      integer     NULL,
    number               integer     NOT NULL,
    title                text        NOT NULL,
    text                 text        NOT NULL,
    submitter_name       text        NOT NULL,
    submitter_delegation text        NULL,
    province             text        NOT NULL,
    city                 text        NOT NULL,
    topic                text        NOT NULL,
    stage                smallint    NOT NULL,
    registered_at        timestamptz NOT NULL,
    -- a number seen twice in one session is the same item, not a new one
    CONSTRAINT uq_proposals_number UNIQUE (kind, session_year, number)
);

-- The item's story as the services report it through their events.
CREATE TABLE proposal_timeline (
    id          bigserial PRIMARY KEY,
    proposal_id uuid        NOT NULL REFERENCES proposals (id),
    step        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    detail      text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_proposal_timeline_proposal ON proposal_timeline (proposal_id, occurred_at);
