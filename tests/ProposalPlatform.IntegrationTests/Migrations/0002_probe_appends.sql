-- Append-only: the role a service runs as may add rows and read them, never change or remove them
-- (where it is a role of its own; the owner may do anything).
CREATE TABLE probe_appends (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    note text NOT NULL
);

GRANT SELECT, INSERT ON probe_appends TO $RuntimeRole$;
