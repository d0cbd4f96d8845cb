-- Pairs of items of one session whose content is nearly the same: candidates for merged handling (并案).
CREATE TABLE similar_pairs (
    id           uuid PRIMARY KEY,
    session_year integer     NOT NULL,
    proposal_a   uuid        NOT NULL REFERENCES proposals (id),
    proposal_b   uuid        NOT NULL REFERENCES proposals (id),
    similarity   real        NOT NULL,
    status       smallint    NOT NULL,
    detected_at  timestamptz NOT NULL,
    decided_at   timestamptz NULL,
    decided_by   text        NULL,
    note         text        NULL,
    CONSTRAINT ck_similar_pairs_order CHECK (proposal_a < proposal_b),
    CONSTRAINT uq_similar_pairs UNIQUE (proposal_a, proposal_b)
);

CREATE INDEX ix_similar_pairs_b ON similar_pairs (proposal_b);
CREATE INDEX ix_similar_pairs_status ON similar_pairs (status, session_year);
