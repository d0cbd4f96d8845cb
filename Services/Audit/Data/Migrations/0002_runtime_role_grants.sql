-- The service runs as a role of its own, not the owner: it appends and reads, moves the head, and
-- purges only through audit_purge. No UPDATE or DELETE of a record is granted to it at all.
GRANT SELECT, INSERT ON audit_records TO $RuntimeRole$;
GRANT SELECT, UPDATE ON audit_head TO $RuntimeRole$;
GRANT SELECT ON audit_purges TO $RuntimeRole$;
GRANT EXECUTE ON FUNCTION audit_purge(timestamptz, integer) TO $RuntimeRole$;
