-- What the service knows of each assigned item, from its assignment: the number and title a notice
-- names it by. Never a submitter's name, phone or address.
CREATE TABLE items (
    proposal_id  uuid PRIMARY KEY,
    kind         text        NOT NULL,
    session_year integer     NOT NULL,
    number       integer     NOT NULL,
    title        text        NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- The handling units' names, as assignment named them in its messages.
CREATE TABLE units (
    code       text PRIMARY KEY,
    name       text        NOT NULL,
    updated_at timestamptz NOT NULL
);

-- The platform's people as the identity service announced them: a unit's digest goes to the addresses
-- of its people who are enabled and work on items.
CREATE TABLE people (
    person_id    text PRIMARY KEY,
    unit_code    text        NOT NULL,
    display_name text        NOT NULL,
    email        text        NULL,
    roles        text[]      NOT NULL,
    disabled     boolean     NOT NULL,
    changed_at   timestamptz NOT NULL
);

CREATE INDEX ix_people_unit ON people (unit_code) WHERE email IS NOT NULL AND NOT disabled;

-- A unit's mail of one Beijing day: written in the same transaction that marks its notices, then
-- handed to the mail server until it takes it (the outbox of the mail).
CREATE TABLE digests (
    id              bigserial PRIMARY KEY,
    unit_code       text        NOT NULL,
    day             date        NOT NULL,
    recipients      text[]      NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NULL,
    last_error      text        NULL,
    UNIQUE (unit_code, day)
);

CREATE INDEX ix_digests_unsent ON digests (id) WHERE sent_at IS NULL;

-- One reminder to one unit about one item: at is when the reminder was sent, recorded_at when it came
-- here; digest_id once a digest carries it.
CREATE TABLE notices (
    id          bigserial PRIMARY KEY,
    unit_code   text        NOT NULL,
    proposal_id uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('ReplyDue', 'ReplyOverdue', 'OpinionDue', 'OpinionOverdue', 'ContactMissing')),
    due_at      timestamptz NULL,
    days        integer     NULL,
    at          timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    digest_id   bigint      NULL REFERENCES digests (id)
);

CREATE INDEX ix_notices_unit ON notices (unit_code, id DESC);
CREATE INDEX ix_notices_unmailed ON notices (unit_code) WHERE digest_id IS NULL;
