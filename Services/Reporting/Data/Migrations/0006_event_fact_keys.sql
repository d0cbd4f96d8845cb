-- An event is appended once per fact, not only once per message: a fact published again under a new
-- message id (a replay, a re-sent outbox row) has the same type and body, and so the same key. Events
-- logged before this column have none (the log is append-only; they stay as they are).
ALTER TABLE event_log ADD COLUMN fact_key bytea NULL;
CREATE UNIQUE INDEX ux_event_log_fact_key ON event_log (fact_key);
