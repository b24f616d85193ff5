-- The table exists already (IF NOT EXISTS: not a new, empty table), so its definition is known.
CREATE TABLE IF NOT EXISTS t (id INT NOT NULL, a INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
-- @expect table-rebuild
ALTER TABLE t ADD PRIMARY KEY (id);
-- @expect table-rebuild
ALTER TABLE t FORCE;
-- @expect table-rebuild
ALTER TABLE t ROW_FORMAT=DYNAMIC;
