-- Unsafe: INT -> BIGINT copies the table and blocks writes for the whole copy.
SET SESSION lock_wait_timeout = 5;

ALTER TABLE orders
  MODIFY COLUMN amount_cents BIGINT NOT NULL;
