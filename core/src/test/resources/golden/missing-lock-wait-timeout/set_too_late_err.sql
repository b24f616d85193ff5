-- @expect missing-lock-wait-timeout
RENAME TABLE orders TO orders_old;
SET lock_wait_timeout = 5;
ALTER TABLE orders_old ADD COLUMN note VARCHAR(100);
