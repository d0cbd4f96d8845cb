-- Each client of the gateway (the proposal office, a department, a customs district) calls with a key
-- issued to its unit. Only the key's SHA-256 is kept: a key is shown once, when it is issued.
CREATE TABLE unit_credentials (
    id          uuid        PRIMARY KEY,
    unit_code   text        NOT NULL REFERENCES units (code),
    key_hash    text        NOT NULL UNIQUE,
    label       text        NULL,
    issued_at   timestamptz NOT NULL,
    issued_by   text        NOT NULL,
    revoked_at  timestamptz NULL,
    revoked_by  text        NULL
);

CREATE INDEX ix_unit_credentials_unit ON unit_credentials (unit_code);
