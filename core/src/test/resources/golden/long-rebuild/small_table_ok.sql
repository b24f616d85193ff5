-- 60 MB: a rebuild takes about 2 s (reported as an info with its working).
-- ddl-lint:stats orders rows=100k data=50MB index=10MB
SET SESSION lock_wait_timeout = 5;
ALTER TABLE orders FORCE;
ALTER TABLE orders ADD INDEX ix_customer (customer_id);
-- INSTANT: nothing to estimate.
ALTER TABLE orders ADD COLUMN note VARCHAR(100);
-- No statistics for these tables (others have some): one info for the whole run, no warning.
ALTER TABLE unknown_table FORCE;
ALTER TABLE other_unknown FORCE;
