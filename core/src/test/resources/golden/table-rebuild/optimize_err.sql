-- OPTIMIZE TABLE rebuilds each table it names, as ALTER TABLE ... FORCE: one finding per table.
-- The table exists already (IF NOT EXISTS: not a new, empty table), so its definition is known.
CREATE TABLE IF NOT EXISTS t (id INT NOT NULL PRIMARY KEY, a INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE IF NOT EXISTS u (id INT NOT NULL PRIMARY KEY, a INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
-- @expect table-rebuild
OPTIMIZE TABLE t;
-- @expect table-rebuild
-- @expect table-rebuild
OPTIMIZE NO_WRITE_TO_BINLOG TABLE t, u;
