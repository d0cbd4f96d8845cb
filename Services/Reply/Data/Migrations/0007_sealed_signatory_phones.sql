-- Issue 12: the leader's and the handler's phones of an issued reply are sealed by the service
-- (AES-256-GCM with a key of its PersonalData key ring, which the database never sees). 0008 seals
-- what was stored in the clear before; 0009 puts the sealed columns in the plaintext ones' place.
ALTER TABLE issued_replies
    ADD COLUMN leader_phone_sealed  bytea NULL,
    ADD COLUMN handler_phone_sealed bytea NULL;
