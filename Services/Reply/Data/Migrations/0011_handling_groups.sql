-- Issue 15: merged handling (并案). The office groups items; the lead item's unit drafts once, signs
-- off once and decides once on publication; each item still gets its own formal reply.
-- A group is open until its replies go out (issued_at) or it is dissolved (dissolved_at).
CREATE TABLE handling_groups (
    group_id         uuid        PRIMARY KEY,
    lead_proposal_id uuid        NOT NULL REFERENCES reply_cases (proposal_id),
    unit_code        text        NOT NULL,
    note             text        NULL,
    formed_by        text        NOT NULL,
    formed_by_id     text        NULL,
    formed_at        timestamptz NOT NULL,
    issued_at        timestamptz NULL,
    dissolved_at     timestamptz NULL,
    dissolved_by     text        NULL,
    dissolved_reason text        NULL
);

-- An item is in at most one open group: "active" while the group is open and the item has not left.
CREATE TABLE handling_group_members (
    group_id    uuid        NOT NULL REFERENCES handling_groups (group_id),
    proposal_id uuid        NOT NULL REFERENCES reply_cases (proposal_id),
    joined_at   timestamptz NOT NULL,
    active      boolean     NOT NULL DEFAULT true,
    left_at     timestamptz NULL,
    left_by     text        NULL,
    left_reason text        NULL,
    PRIMARY KEY (group_id, proposal_id)
);

CREATE UNIQUE INDEX handling_group_members_one_open_group ON handling_group_members (proposal_id) WHERE active;

-- the group a reply went out from, if any
ALTER TABLE issued_replies ADD COLUMN group_id uuid NULL REFERENCES handling_groups (group_id);
