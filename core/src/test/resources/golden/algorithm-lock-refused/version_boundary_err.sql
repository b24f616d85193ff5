-- @target mysql:8.0.28
-- Instant ADD COLUMN at a position needs 8.0.29.
-- @expect algorithm-lock-refused
ALTER TABLE t ADD COLUMN c INT AFTER a, ALGORITHM=INSTANT;
