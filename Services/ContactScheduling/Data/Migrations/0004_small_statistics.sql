-- Rough statistics for the tables that grow with every item, none for names (why: Infrastructure's
-- 0002_small_statistics.sql). At 80,000 items ANALYZE took 194 ms for proposal_submitters and 117 ms
-- for contact_tasks.

ALTER TABLE contact_tasks
    ALTER COLUMN proposal_id SET STATISTICS 10,
    ALTER COLUMN unit_code SET STATISTICS 10,
    ALTER COLUMN opened_at SET STATISTICS 10,
    ALTER COLUMN completed_at SET STATISTICS 10,
    ALTER COLUMN closed_at SET STATISTICS 10,
    ALTER COLUMN closed_reason SET STATISTICS 0,
    ALTER COLUMN unit_reassigned_at SET STATISTICS 10,
    ALTER COLUMN round SET STATISTICS 10,
    ALTER COLUMN round_opened_at SET STATISTICS 10;

ALTER TABLE proposal_submitters
    ALTER COLUMN proposal_id SET STATISTICS 10,
    ALTER COLUMN lead_submitter_name SET STATISTICS 0,
    ALTER COLUMN province SET STATISTICS 10,
    ALTER COLUMN city SET STATISTICS 10,
    ALTER COLUMN co_signer_names SET STATISTICS 0,
    ALTER COLUMN registered_at SET STATISTICS 10;
