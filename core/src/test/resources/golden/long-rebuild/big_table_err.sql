-- 70 GB: at the built-in 32 MiB/s a rebuild takes ~35 min, at 64 MiB/s an index build ~15 min (limit: 10 min).
-- ddl-lint:stats orders rows=300M data=60GB index=10GB
SET SESSION lock_wait_timeout = 5;
-- @expect long-rebuild
ALTER TABLE orders FORCE;
-- @expect long-rebuild
ALTER TABLE orders ADD INDEX ix_customer (customer_id), ALGORITHM=INPLACE, LOCK=NONE;
-- A COPY takes at least as long (and blocks writes: blocking-alter / column-type-change say so).
-- @expect long-rebuild
ALTER TABLE orders MODIFY COLUMN amount BIGINT;
