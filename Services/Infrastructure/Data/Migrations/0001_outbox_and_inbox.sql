-- Messages a service has decided to publish, written in the same transaction as its state change.
CREATE TABLE IF NOT EXISTS outbox_messages (
    id              bigserial PRIMARY KEY,
    message_id      uuid        NOT NULL UNIQUE,
    message_type    text        NOT NULL,
    payload         jsonb       NOT NULL,
    trace_parent    text        NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NULL,
    last_error      text        NULL
);

CREATE INDEX IF NOT EXISTS ix_outbox_messages_unsent ON outbox_messages (id) WHERE sent_at IS NULL;

-- Messages a consumer has applied, so that a redelivery changes nothing the second time.
CREATE TABLE IF NOT EXISTS processed_messages (
    consumer     text        NOT NULL,
    message_id   uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
