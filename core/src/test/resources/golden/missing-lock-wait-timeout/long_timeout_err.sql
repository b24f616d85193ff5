-- Set, but not short: an hour of every query on the table queued behind the ALTER.
SET SESSION lock_wait_timeout = 3600;
-- @expect missing-lock-wait-timeout
ALTER TABLE orders ADD COLUMN note VARCHAR(100);
