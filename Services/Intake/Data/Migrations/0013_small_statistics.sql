-- Rough statistics for the tables that grow with every item, none for texts, names and contact
-- details (why: Infrastructure's 0002_small_statistics.sql). At 80,000 items ANALYZE took 614 ms
-- for proposals and 231 ms for proposal_timeline; now 136 and 79 ms.

ALTER TABLE proposals
    ALTER COLUMN id SET STATISTICS 10,
    ALTER COLUMN kind SET STATISTICS 10,
    ALTER COLUMN session_year SET STATISTICS 10,
    ALTER COLUMN session_term SET STATISTICS 10,
    ALTER COLUMN session_meeting SET STATISTICS 10,
    ALTER COLUMN number SET STATISTICS 10,
    ALTER COLUMN title SET STATISTICS 0,
    ALTER COLUMN text SET STATISTICS 0,
    ALTER COLUMN submitter_name SET STATISTICS 0,
    ALTER COLUMN submitter_delegation SET STATISTICS 0,
    ALTER COLUMN province SET STATISTICS 10,
    ALTER COLUMN city SET STATISTICS 10,
    ALTER COLUMN topic SET STATISTICS 10,
    ALTER COLUMN stage SET STATISTICS 10,
    ALTER COLUMN registered_at SET STATISTICS 10,
    ALTER COLUMN submitter_kind SET STATISTICS 10,
    ALTER COLUMN submitter_sector SET STATISTICS 0,
    ALTER COLUMN submitter_phone SET STATISTICS 0,
    ALTER COLUMN submitter_address SET STATISTICS 0,
    ALTER COLUMN co_signers SET STATISTICS 0,
    ALTER COLUMN tags SET STATISTICS 10,
    ALTER COLUMN handling_mode SET STATISTICS 10,
    ALTER COLUMN is_key_item SET STATISTICS 10,
    ALTER COLUMN supervising_body SET STATISTICS 0,
    ALTER COLUMN batch_reference SET STATISTICS 10,
    ALTER COLUMN assigned_by_office_at SET STATISTICS 10,
    ALTER COLUMN submitting_unit_code SET STATISTICS 10,
    ALTER COLUMN assigned_unit_code SET STATISTICS 10,
    ALTER COLUMN version SET STATISTICS 10,
    ALTER COLUMN updated_at SET STATISTICS 10,
    ALTER COLUMN indexed_at SET STATISTICS 10,
    ALTER COLUMN unit_reassigned_at SET STATISTICS 10,
    ALTER COLUMN round SET STATISTICS 10;

ALTER TABLE proposal_timeline
    ALTER COLUMN id SET STATISTICS 10,
    ALTER COLUMN proposal_id SET STATISTICS 10,
    ALTER COLUMN step SET STATISTICS 10,
    ALTER COLUMN occurred_at SET STATISTICS 10,
    ALTER COLUMN detail SET STATISTICS 0,
    ALTER COLUMN recorded_at SET STATISTICS 10,
    ALTER COLUMN round SET STATISTICS 10,
    ALTER COLUMN source SET STATISTICS 10;
