-- Issue 11: who signs off comes from the access token, the person's id beside the name, so that one
-- person cannot take two steps of the same chain. Steps recorded before have only a name.
ALTER TABLE reply_sign_offs
    ADD COLUMN signed_by_id text NULL;

ALTER TABLE reply_sign_offs
    ALTER COLUMN signed_by_id SET STATISTICS 0;
