-- Issue 12: the submitters' phones and addresses are sealed by the service (AES-256-GCM with a key of
-- its PersonalData key ring, which the database never sees), an item's all in one value (ContactSeal):
-- the item's, and each version's in the history. 0018 seals what was stored in the clear before;
-- 0019 drops the plaintext columns.
ALTER TABLE proposals ADD COLUMN contact_details bytea NULL;
ALTER TABLE proposal_versions ADD COLUMN contact_details bytea NULL;

-- ciphertext has nothing the planner could use
ALTER TABLE proposals ALTER COLUMN contact_details SET STATISTICS 0;
