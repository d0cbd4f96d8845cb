-- Reopening for re-handling is recorded in the assignment history too.
ALTER TABLE assignment_history DROP CONSTRAINT assignment_history_action_check;
ALTER TABLE assignment_history ADD CONSTRAINT assignment_history_action_check
    CHECK (action IN ('Assigned', 'Reassigned', 'Returned', 'CoHandlingAssigned', 'Extended', 'Reopened'));
