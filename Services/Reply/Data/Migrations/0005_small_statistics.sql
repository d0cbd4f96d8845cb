-- Rough statistics for the table that grows with every item, none for names and texts (why:
-- Infrastructure's 0002_small_statistics.sql). At 80,000 items ANALYZE took 210 ms for reply_cases.

ALTER TABLE reply_cases
    ALTER COLUMN proposal_id SET STATISTICS 10,
    ALTER COLUMN unit_code SET STATISTICS 10,
    ALTER COLUMN assigned_at SET STATISTICS 10,
    ALTER COLUMN contact_completed_at SET STATISTICS 10,
    ALTER COLUMN draft_text SET STATISTICS 0,
    ALTER COLUMN draft_updated_at SET STATISTICS 10,
    ALTER COLUMN reply_id SET STATISTICS 10,
    ALTER COLUMN result_class SET STATISTICS 10,
    ALTER COLUMN issued_at SET STATISTICS 10,
    ALTER COLUMN returned_at SET STATISTICS 10,
    ALTER COLUMN returned_reason SET STATISTICS 0,
    ALTER COLUMN unit_reassigned_at SET STATISTICS 10,
    ALTER COLUMN round SET STATISTICS 10,
    ALTER COLUMN reopened_at SET STATISTICS 10,
    ALTER COLUMN handling_mode SET STATISTICS 10,
    ALTER COLUMN is_key_item SET STATISTICS 10,
    ALTER COLUMN lead_submitter_name SET STATISTICS 0,
    ALTER COLUMN co_signer_names SET STATISTICS 0,
    ALTER COLUMN registered_at SET STATISTICS 10,
    ALTER COLUMN item_version SET STATISTICS 10;
