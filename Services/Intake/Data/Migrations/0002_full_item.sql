-- The full item: submitters with their (confidential) contact details, co-signers, tags, this
-- body's handling mode, the assigning office's batch and date, key-item flag, the district that
-- registered a local item, and the unit it was assigned to (learnt from ProposalAssigned).
ALTER TABLE proposals
    ADD COLUMN submitter_kind        smallint    NOT NULL DEFAULT 1,
    ADD COLUMN submitter_sector      text        NULL,
    ADD COLUMN submitter_phone       text        NULL,
    ADD COLUMN submitter_address     text        NULL,
    ADD COLUMN co_signers            jsonb       NOT NULL DEFAULT '[]',
    ADD COLUMN tags                  text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN handling_mode         smallint    NOT NULL DEFAULT 1,
    ADD COLUMN is_key_item           boolean     NOT NULL DEFAULT false,
    ADD COLUMN supervising_body      text        NULL,
    ADD COLUMN batch_reference       text        NULL,
    ADD COLUMN assigned_by_office_at timestamptz NULL,
    ADD COLUMN submitting_unit_code  text        NULL,
    ADD COLUMN assigned_unit_code    text        NULL,
    ADD COLUMN version               integer     NOT NULL DEFAULT 1,
    ADD COLUMN updated_at            timestamptz NULL,
    -- search and similarity, filled in the background after registration (and again after a correction)
    ADD COLUMN search_grams          text[]      NULL,
    ADD COLUMN similarity_bands      integer[]   NULL,
    ADD COLUMN indexed_at            timestamptz NULL;

-- Items registered before this script: their submitters are deputies or members by the item's kind;
-- the worker indexes them like new ones (indexed_at is NULL).
UPDATE proposals SET submitter_kind = CASE WHEN kind = 2 THEN 2 ELSE 1 END;

CREATE INDEX ix_proposals_session ON proposals (session_year, kind, number);
CREATE INDEX ix_proposals_tags ON proposals USING gin (tags);
CREATE INDEX ix_proposals_assigned_unit ON proposals (assigned_unit_code) WHERE assigned_unit_code IS NOT NULL;
CREATE INDEX ix_proposals_search ON proposals USING gin (search_grams);
CREATE INDEX ix_proposals_similarity ON proposals USING gin (similarity_bands);
CREATE INDEX ix_proposals_unindexed ON proposals (registered_at) WHERE indexed_at IS NULL;
