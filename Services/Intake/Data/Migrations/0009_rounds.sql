-- Re-handling after a dissatisfied answer starts a new round of handling (new contact, new reply):
-- an item's stage is its stage within its current round. Each step of its story says which round
-- it belongs to and which service reported it.
ALTER TABLE proposals ADD COLUMN round smallint NOT NULL DEFAULT 1;
ALTER TABLE proposal_timeline ADD COLUMN round smallint NULL;
ALTER TABLE proposal_timeline ADD COLUMN source text NULL;
