-- @target mysql:8.0.28
-- Before 8.0.29, ADD COLUMN ... AFTER rebuilds the table.
-- @expect table-rebuild
ALTER TABLE t ADD COLUMN c INT AFTER a;
