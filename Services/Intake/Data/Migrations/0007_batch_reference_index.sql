-- The office follows a batch by its reference (list filter batchReference); without an index every
-- such query reads the whole table of items.
CREATE INDEX IF NOT EXISTS ix_proposals_batch_reference ON proposals (batch_reference, stage);
