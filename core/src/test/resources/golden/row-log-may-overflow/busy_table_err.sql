-- A busy table (row-log.md's worked example): 250 GB, 2,100 rows written per second.
-- ddl-lint:stats orders rows=1G data=200GB index=50GB avgRow=214 inserts=500/s updates=1500/s deletes=100/s
-- The table exists already (IF NOT EXISTS: not a new, empty table), so its definition is known.
CREATE TABLE IF NOT EXISTS orders (id BIGINT NOT NULL PRIMARY KEY, status INT, total BIGINT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
SET SESSION lock_wait_timeout = 5;
-- Rebuild: ~2 GB of row log against 127 MiB.
-- @expect row-log-may-overflow
ALTER TABLE orders FORCE, ALGORITHM=INPLACE, LOCK=NONE;
-- ADD COLUMN with ALGORITHM=INPLACE rebuilds too.
-- @expect row-log-may-overflow
ALTER TABLE orders ADD COLUMN note VARCHAR(100), ALGORITHM=INPLACE, LOCK=NONE;
-- A secondary-index build has its own, smaller log; with every UPDATE touching the key it still overflows.
-- @expect row-log-may-overflow
CREATE INDEX ix_status ON orders (status);
