-- The value of a variable is not known: ddl-lint trusts it.
SET SESSION lock_wait_timeout = @ddl_lock_wait;
ALTER TABLE orders ADD COLUMN note VARCHAR(100);
