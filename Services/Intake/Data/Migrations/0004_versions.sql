-- Every earlier version of a corrected item (the current one is the proposals row), with the
-- correction that replaced it.
CREATE TABLE proposal_versions (
    proposal_id    uuid        NOT NULL REFERENCES proposals (id),
    version        integer     NOT NULL,
    data           jsonb       NOT NULL,
    valid_from     timestamptz NOT NULL,
    replaced_at    timestamptz NOT NULL,
    replaced_because text      NOT NULL,
    changed_fields text[]      NOT NULL,
    PRIMARY KEY (proposal_id, version)
);
