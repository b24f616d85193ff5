-- A quiet table: the writes of a 7 s rebuild are a few KiB.
-- ddl-lint:stats orders rows=1M data=200MB index=50MB avgRow=200 inserts=5/s updates=10/s deletes=0/s
SET SESSION lock_wait_timeout = 5;
ALTER TABLE orders FORCE, ALGORITHM=INPLACE, LOCK=NONE;
CREATE INDEX ix_status ON orders (status);
-- Writes blocked (COPY): there is no row log (blocking-alter reports the blocking).
-- ddl-lint:stats big rows=1G data=200GB inserts=500/s updates=1500/s
ALTER TABLE big ADD COLUMN c INT, ALGORITHM=COPY;
-- INSTANT: nothing is rebuilt.
ALTER TABLE big ADD COLUMN d INT, ALGORITHM=INSTANT;
-- Write rates unknown: only the duration is estimated.
-- ddl-lint:stats archive data=500GB
ALTER TABLE archive FORCE;
-- No statistics for this table (others have some): not estimated, one info for the whole run.
ALTER TABLE unknown_table FORCE;
-- A table created in this file holds no rows.
CREATE TABLE fresh (id INT PRIMARY KEY, v INT);
-- ddl-lint:stats fresh rows=1G data=200GB updates=5000/s
ALTER TABLE fresh FORCE;
