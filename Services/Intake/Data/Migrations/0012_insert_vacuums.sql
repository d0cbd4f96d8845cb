-- Autovacuum also visits a table after every fifth of new rows, to set its visibility map. For two
-- tables that only grows work no one needs, in the middle of intake: the search index (its GIN
-- pending list is merged by the indexing worker, and GIN has no index-only scans), and the items'
-- long texts (TOAST is read through the item, never by an index-only scan). A visit reads and dirties
-- hundreds of MB; during one, after a session, every commit of the platform stalled for 1.6 s. Rows that
-- become dead (a correction, a re-index) still bring autovacuum as before, and so does freezing.
ALTER TABLE proposal_index SET (autovacuum_vacuum_insert_threshold = -1);
ALTER TABLE proposals SET (toast.autovacuum_vacuum_insert_threshold = -1);
