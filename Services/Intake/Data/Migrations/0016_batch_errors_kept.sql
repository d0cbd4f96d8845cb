-- Issue 12: a batch keeps at most the first thousand row errors and counts the rest: a 3 MB file of
-- garbage rows had stored a million error rows (249 MB).
ALTER TABLE intake_batches
    ADD COLUMN errors_not_kept integer NOT NULL DEFAULT 0;
