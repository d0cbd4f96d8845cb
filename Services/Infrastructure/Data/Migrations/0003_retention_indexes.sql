-- Issue 12: sent outbox rows and inbox ids are purged after an age. Both tables grow in the order of
-- their timestamps, so a BRIN index (a few pages, next to nothing to maintain on the item path) finds
-- the old ranges without a scan of the whole table.
CREATE INDEX IF NOT EXISTS ix_outbox_messages_created_brin ON outbox_messages USING brin (created_at);
CREATE INDEX IF NOT EXISTS ix_processed_messages_processed_brin ON processed_messages USING brin (processed_at);
