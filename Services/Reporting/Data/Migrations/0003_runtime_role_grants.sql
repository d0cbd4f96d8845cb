-- The service runs as a role of its own, not the owner: it appends to the log and reads it, and
-- writes the views (a rebuild empties them). No UPDATE or DELETE of the log is granted to it at all.
GRANT SELECT, INSERT ON event_log TO $RuntimeRole$;
GRANT USAGE ON SEQUENCE event_log_seq_seq TO $RuntimeRole$;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON items, item_co_handlers, item_reopenings, contacts, contact_completions,
    replies, feedback, rehandlings, merged_pairs, story_steps, view_rebuilds TO $RuntimeRole$;
