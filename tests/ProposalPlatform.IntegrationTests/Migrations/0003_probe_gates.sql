-- A probe whose key is here cannot be applied (a lasting failure, until the row is removed).
CREATE TABLE probe_gates (
    message_key uuid PRIMARY KEY
);
