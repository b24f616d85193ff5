-- One ALTER with all the clauses rebuilds the table once.
-- @target mysql:8.0.28
-- The table exists already (IF NOT EXISTS: not a new, empty table), so its definition is known.
CREATE TABLE IF NOT EXISTS orders (id BIGINT NOT NULL PRIMARY KEY, status INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
ALTER TABLE orders ADD COLUMN note VARCHAR(20) AFTER id, ROW_FORMAT=DYNAMIC;
-- Instant and in-place changes beside it are not rebuilds.
ALTER TABLE orders ADD COLUMN flag TINYINT;
ALTER TABLE orders ADD INDEX k_note (note);
-- A table created in this migration holds no rows yet.
CREATE TABLE audit (id INT PRIMARY KEY, body TEXT);
ALTER TABLE audit ADD COLUMN at DATETIME AFTER id;
ALTER TABLE audit FORCE;
