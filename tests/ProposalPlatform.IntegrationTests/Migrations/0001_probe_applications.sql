-- Every time a probe consumer applies a message; no unique key, so applying twice would show.
CREATE TABLE probe_applications (
    id          bigserial PRIMARY KEY,
    message_key uuid        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);
