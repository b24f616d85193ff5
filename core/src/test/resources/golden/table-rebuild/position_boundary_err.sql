-- @target mysql:8.0.28
-- Before 8.0.29, ADD COLUMN ... AFTER rebuilds the table.
-- The table exists already (IF NOT EXISTS: not a new, empty table), so its definition is known.
CREATE TABLE IF NOT EXISTS t (id INT NOT NULL PRIMARY KEY, a INT, b INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
-- @expect table-rebuild
ALTER TABLE t ADD COLUMN c INT AFTER a;
