-- A deadline is warned of at more than one lead time (15 and 5 Beijing days before the due day, unless
-- configured otherwise): each warning is sent once per deadline, due date and lead time. The one warning
-- of earlier versions went 14 days ahead (their default): it stands for that lead time, so a deadline
-- already warned of is not warned again at a longer one.
ALTER TABLE deadline_notifications ADD COLUMN days_before integer NOT NULL DEFAULT 0;
UPDATE deadline_notifications SET days_before = 14 WHERE kind = 'Approaching';
ALTER TABLE deadline_notifications DROP CONSTRAINT deadline_notifications_pkey;
ALTER TABLE deadline_notifications ADD PRIMARY KEY (deadline_id, kind, due_at, days_before);
