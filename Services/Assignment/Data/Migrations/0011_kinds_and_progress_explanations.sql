-- Issue 15: the return window's rule is the item's kind's (a suggestion's or a proposal's, configured
-- apart). Items assigned before this script have no kind here; they keep the window they had, ten
-- calendar days (Returns.Unrecorded).
ALTER TABLE assignments ADD COLUMN kind text NULL CHECK (kind IN ('Suggestion', 'Proposal'));

-- Before an extension past three months after assignment, the lead unit explains the progress to the
-- submitter: how, on which Beijing day, and what was said.
CREATE TABLE progress_explanations (
    id          uuid        PRIMARY KEY,
    proposal_id uuid        NOT NULL REFERENCES assignments (proposal_id),
    round       smallint    NOT NULL,
    unit_code   text        NOT NULL,
    channel     text        NOT NULL CHECK (channel IN ('Phone', 'Video', 'Visit', 'Meeting', 'Letter')),
    explained_on date       NOT NULL,
    account     text        NOT NULL,
    by_id       text        NOT NULL,
    by_name     text        NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE INDEX ix_progress_explanations_proposal ON progress_explanations (proposal_id, recorded_at);

-- The explanation an extension past three months rested on.
ALTER TABLE deadline_extensions ADD COLUMN progress_explanation_id uuid NULL REFERENCES progress_explanations (id);
