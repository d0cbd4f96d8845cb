-- An item's search bigrams (about a thousand) and similarity bands move to a table of their own: on the
-- item's row, every change of its stage or unit rewrote their GIN entries, which made taking in and
-- assigning a session several times slower than it need be. Bigrams are kept as integer codes
-- (TextGrams), which GIN indexes about twice as fast as text.
CREATE TABLE proposal_index (
    proposal_id       uuid      PRIMARY KEY REFERENCES proposals (id),
    search_grams      integer[] NOT NULL,
    similarity_bands  integer[] NOT NULL
);

CREATE INDEX ix_proposal_index_search ON proposal_index USING gin (search_grams);

-- A dozen keys an item, looked up by every item being indexed: without a pending list, a lookup
-- never scans the entries of items inserted since the last clean-up.
CREATE INDEX ix_proposal_index_similarity ON proposal_index USING gin (similarity_bands) WITH (fastupdate = off);

DROP INDEX ix_proposals_search;
DROP INDEX ix_proposals_similarity;
ALTER TABLE proposals DROP COLUMN search_grams, DROP COLUMN similarity_bands;

-- Band keys now carry the session year: the worker indexes every item again.
UPDATE proposals SET indexed_at = NULL WHERE indexed_at IS NOT NULL;
