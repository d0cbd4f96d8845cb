-- Every event reporting received, as it arrived: the log its views are computed from, and rebuilt
-- from (see EventLogRebuild). Appended once per message (the message id is the inbox), never changed:
-- a trigger refuses UPDATE, DELETE and TRUNCATE, whoever asks.

CREATE TABLE event_log (
    seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id  uuid        NOT NULL UNIQUE,
    event_type  text        NOT NULL,
    received_at timestamptz NOT NULL,
    body        jsonb       NOT NULL
);

CREATE FUNCTION event_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER event_log_append_only_rows BEFORE UPDATE OR DELETE ON event_log
    FOR EACH ROW EXECUTE FUNCTION event_log_refuse_change();
CREATE TRIGGER event_log_append_only_table BEFORE TRUNCATE ON event_log
    FOR EACH STATEMENT EXECUTE FUNCTION event_log_refuse_change();
