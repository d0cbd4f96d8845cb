-- ProposalAssigned and ProposalReassigned travel on different queues, so an item's assignment can be
-- recorded after a reassignment of it: the unit then stays the one the latest reassignment gave.
ALTER TABLE proposals ADD COLUMN unit_reassigned_at timestamptz NULL;

CREATE FUNCTION keep_reassigned_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- only a reassignment (which moves unit_reassigned_at) may change the unit of a reassigned item
    IF NEW.unit_reassigned_at IS NOT DISTINCT FROM OLD.unit_reassigned_at THEN
        NEW.assigned_unit_code := OLD.assigned_unit_code;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER trg_proposals_keep_reassigned_unit
    BEFORE UPDATE OF assigned_unit_code ON proposals
    FOR EACH ROW WHEN (OLD.unit_reassigned_at IS NOT NULL)
    EXECUTE FUNCTION keep_reassigned_unit();
