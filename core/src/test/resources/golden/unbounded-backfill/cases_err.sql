-- @expect unbounded-backfill
UPDATE users SET locale = 'en' WHERE locale IS NULL;
-- @expect unbounded-backfill
DELETE FROM events WHERE created_at < '2020-01-01';
-- @expect unbounded-backfill
INSERT INTO users_archive SELECT * FROM users WHERE deleted = 1;
-- A qualified name in the WHERE is not the table.
-- @expect unbounded-backfill
UPDATE app.monitor_status SET total = 0 WHERE monitor_status.total < 0;
