-- Autovacuum analyses a table after every tenth of new rows, so in a young database the tables that
-- grow with every item are analysed in the middle of intake, session after session. With the default
-- target (100) ANALYZE samples 30,000 rows and sorts every column's values: at 65,000 rows, 460 ms
-- for outbox_messages (its payloads) and 100 ms for processed_messages, a core taken from the items
-- in flight at the time. No query needs more than rough statistics of these tables (they look rows up
-- by key or by a few indexed columns), so each column gets a target of 10 (3,000 sampled rows), and
-- long texts, payloads and people's names and contact details none: they are never searched by
-- value, and what ANALYZE keeps of a column (its most common values) should not hold them either.
-- Each service does the same for its own tables (its *_small_statistics.sql).

ALTER TABLE outbox_messages
    ALTER COLUMN id SET STATISTICS 10,
    ALTER COLUMN message_id SET STATISTICS 0,
    ALTER COLUMN message_type SET STATISTICS 0,
    ALTER COLUMN payload SET STATISTICS 0,
    ALTER COLUMN trace_parent SET STATISTICS 0,
    ALTER COLUMN created_at SET STATISTICS 10,
    ALTER COLUMN sent_at SET STATISTICS 10,
    ALTER COLUMN attempts SET STATISTICS 10,
    ALTER COLUMN next_attempt_at SET STATISTICS 10,
    ALTER COLUMN last_error SET STATISTICS 0;

ALTER TABLE processed_messages
    ALTER COLUMN consumer SET STATISTICS 10,
    ALTER COLUMN message_id SET STATISTICS 0,
    ALTER COLUMN processed_at SET STATISTICS 10;
