-- Online changes only: INSTANT, or in place without blocking writes.
SET SESSION lock_wait_timeout = 5;
ALTER TABLE orders ADD COLUMN shipped_at DATETIME NULL, ALGORITHM=INSTANT;
ALTER TABLE orders MODIFY COLUMN note VARCHAR(60);
CREATE INDEX ix_orders_amount ON orders (amount) ALGORITHM=INPLACE LOCK=NONE;
