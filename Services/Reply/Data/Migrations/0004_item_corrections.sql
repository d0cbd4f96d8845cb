-- An office correction (ProposalCorrected, version 2 and on) may change whether an item is key and
-- who its lead submitter is; the newest version wins whatever order the events arrive in.
ALTER TABLE reply_cases
    ADD COLUMN item_version integer NOT NULL DEFAULT 1;
