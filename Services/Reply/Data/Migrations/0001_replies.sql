-- One row per item, filled from the events of assignment and contact scheduling and by the unit's draft.
CREATE TABLE reply_cases (
    proposal_id          uuid PRIMARY KEY,
    unit_code            text        NULL,
    assigned_at          timestamptz NULL,
    contact_completed_at timestamptz NULL,
    draft_text           text        NULL,
    draft_updated_at     timestamptz NULL,
    reply_id             uuid        NULL,
    result_class         smallint    NULL,
    issued_at            timestamptz NULL
);
