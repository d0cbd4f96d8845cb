-- A service whose database is declared with a runtime role of its own (not the owner, who runs these
-- scripts) writes, relays and purges its outbox and inbox as every service does. Where the service
-- runs as the owner, the role named is the owner, who may already.
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_messages, processed_messages TO $RuntimeRole$;
GRANT USAGE ON SEQUENCE outbox_messages_id_seq TO $RuntimeRole$;
