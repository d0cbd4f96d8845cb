-- Rough statistics for the tables that grow with every item, none for titles and reasons (why:
-- Infrastructure's 0002_small_statistics.sql). At 80,000 items ANALYZE took 243 ms for assignments
-- and 165 ms for assignment_history.

ALTER TABLE assignments
    ALTER COLUMN proposal_id SET STATISTICS 10,
    ALTER COLUMN unit_code SET STATISTICS 10,
    ALTER COLUMN topic SET STATISTICS 10,
    ALTER COLUMN title SET STATISTICS 0,
    ALTER COLUMN assigned_at SET STATISTICS 10,
    ALTER COLUMN due_at SET STATISTICS 10,
    ALTER COLUMN status SET STATISTICS 10,
    ALTER COLUMN handling_mode SET STATISTICS 10,
    ALTER COLUMN tags SET STATISTICS 10,
    ALTER COLUMN is_key_item SET STATISTICS 10,
    ALTER COLUMN clock_started_at SET STATISTICS 10,
    ALTER COLUMN manually_assigned SET STATISTICS 10,
    ALTER COLUMN replied_at SET STATISTICS 10,
    ALTER COLUMN returned_at SET STATISTICS 10,
    ALTER COLUMN return_reason SET STATISTICS 0,
    ALTER COLUMN returned_by SET STATISTICS 0,
    ALTER COLUMN round SET STATISTICS 10;

ALTER TABLE assignment_history
    ALTER COLUMN id SET STATISTICS 10,
    ALTER COLUMN proposal_id SET STATISTICS 10,
    ALTER COLUMN action SET STATISTICS 10,
    ALTER COLUMN from_unit_code SET STATISTICS 10,
    ALTER COLUMN to_unit_code SET STATISTICS 10,
    ALTER COLUMN reason SET STATISTICS 0,
    ALTER COLUMN by_whom SET STATISTICS 0,
    ALTER COLUMN at SET STATISTICS 10;
