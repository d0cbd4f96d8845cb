-- Issue 11: callers sign in with the identity service (OAuth 2 tokens), and the API keys kept here
-- are retired. Their hashes open nothing any more; the table goes rather than lingering as if they did.
DROP TABLE IF EXISTS unit_credentials;
