-- Issue 15: merged handling (并案) is a group the office forms in the reply service, no longer a
-- confirmed pair. A group counts while it is not dissolved; an item counts in it until it leaves.
-- Events of a group may arrive in any order: each writes what it knows, the rows meet.
CREATE TABLE handling_groups (
    group_id     uuid        PRIMARY KEY,
    formed_at    timestamptz NULL,
    dissolved_at timestamptz NULL
);

CREATE TABLE handling_group_items (
    group_id    uuid        NOT NULL,
    proposal_id uuid        NOT NULL,
    left_at     timestamptz NULL,
    PRIMARY KEY (group_id, proposal_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON handling_groups, handling_group_items TO $RuntimeRole$;
