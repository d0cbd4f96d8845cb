-- Re-handling after a dissatisfied answer reopens an item for a new round with a 1-month deadline.
ALTER TABLE assignments ADD COLUMN round smallint NOT NULL DEFAULT 1;

-- A co-handler's written opinion, which the reply service attaches to the lead unit's draft.
ALTER TABLE co_handlings ADD COLUMN opinion text NULL;
