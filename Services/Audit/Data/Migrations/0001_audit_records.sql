-- The platform's one audit store: every accepted write and every refusal that matters for security,
-- appended in order and chained (each record carries the hash of the one before it). Nothing here is
-- ever changed: a trigger refuses UPDATE, DELETE and TRUNCATE, whoever asks; only audit_purge, past the
-- retention the law allows, removes the oldest records, and it leaves its mark in audit_purges.

CREATE TABLE audit_records (
    seq           bigint      PRIMARY KEY,
    record_id     uuid        NOT NULL UNIQUE,
    at            timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL,
    service       text        NOT NULL,
    operation     text        NOT NULL,
    outcome       text        NOT NULL,
    status        integer     NOT NULL,
    actor_id      text        NOT NULL,
    actor_name    text        NOT NULL,
    actor_unit    text        NULL,
    actor_roles   text[]      NOT NULL,
    resource      text        NULL,
    item_id       uuid        NULL,
    summary       text        NULL,
    trace_id      text        NULL,
    previous_hash bytea       NOT NULL,
    hash          bytea       NOT NULL
);

-- the office's questions: an item's story, a person's, a unit's, an operation's, a time range
CREATE INDEX audit_records_item ON audit_records (item_id, seq) WHERE item_id IS NOT NULL;
CREATE INDEX audit_records_actor ON audit_records (actor_id, seq);
CREATE INDEX audit_records_unit ON audit_records (actor_unit, seq) WHERE actor_unit IS NOT NULL;
CREATE INDEX audit_records_operation ON audit_records (operation, seq);
CREATE INDEX audit_records_at ON audit_records USING brin (at);

-- the last record appended: the appender locks it, so records are chained one after another
CREATE TABLE audit_head (
    only_row boolean     PRIMARY KEY DEFAULT true CHECK (only_row),
    seq      bigint      NOT NULL,
    hash     bytea       NOT NULL
);
INSERT INTO audit_head (only_row, seq, hash) VALUES (true, 0, '\x0000000000000000000000000000000000000000000000000000000000000000');

-- what each purge removed, and the last link it removed: the chain resumes from there
CREATE TABLE audit_purges (
    purged_through bigint      PRIMARY KEY,
    last_hash      bytea       NOT NULL,
    records        bigint      NOT NULL,
    cutoff         timestamptz NOT NULL,
    purged_at      timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('audit.purging', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_purges_append_only BEFORE UPDATE OR DELETE ON audit_purges
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_purges_no_truncate BEFORE TRUNCATE ON audit_purges
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- Removes the oldest records appended before cutoff, at most max_rows, and never one younger than
-- 184 days (Cybersecurity Law art. 21: logs kept at least six months). Runs as the table's owner, so
-- the service itself needs no DELETE grant.
CREATE FUNCTION audit_purge(cutoff timestamptz, max_rows integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    through_seq bigint;
    through_hash bytea;
    removed bigint;
BEGIN
    IF cutoff > now() - interval '184 days' THEN
        RAISE EXCEPTION 'audit records are kept at least 184 days: a cutoff of % is refused', cutoff USING ERRCODE = 'check_violation';
    END IF;

    -- only the chain's beginning goes: the oldest records up to the first one appended after cutoff
    WITH oldest AS (SELECT seq, hash, recorded_at FROM audit_records ORDER BY seq LIMIT max_rows),
         young AS (SELECT min(seq) AS seq FROM oldest WHERE recorded_at >= cutoff)
    SELECT o.seq, o.hash INTO through_seq, through_hash
    FROM oldest o, young
    WHERE young.seq IS NULL OR o.seq < young.seq
    ORDER BY o.seq DESC
    LIMIT 1;
    IF through_seq IS NULL THEN
        RETURN 0;
    END IF;

    PERFORM set_config('audit.purging', 'on', true);
    DELETE FROM audit_records WHERE seq <= through_seq;
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('audit.purging', 'off', true);
    INSERT INTO audit_purges (purged_through, last_hash, records, cutoff) VALUES (through_seq, through_hash, removed, cutoff);
    RETURN removed;
END
$$;
REVOKE ALL ON FUNCTION audit_purge(timestamptz, integer) FROM PUBLIC;

