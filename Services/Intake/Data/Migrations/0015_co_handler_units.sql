-- Issue 11: a co-handling unit may read the item it co-handles, so intake keeps which units those are
-- (from assignment's CoHandlingAssigned, which the item's story already takes).
ALTER TABLE proposals
    ADD COLUMN co_handler_units text[] NOT NULL DEFAULT '{}';

ALTER TABLE proposals
    ALTER COLUMN co_handler_units SET STATISTICS 10;

UPDATE proposals p
SET co_handler_units = ARRAY(
    SELECT DISTINCT substring(t.detail FROM '\(([A-Z0-9-]+)\); its opinion')
    FROM proposal_timeline t
    WHERE t.proposal_id = p.id AND t.step = 'CoHandlingAssigned' AND t.detail ~ '\(([A-Z0-9-]+)\); its opinion')
WHERE EXISTS (SELECT 1 FROM proposal_timeline t WHERE t.proposal_id = p.id AND t.step = 'CoHandlingAssigned');
