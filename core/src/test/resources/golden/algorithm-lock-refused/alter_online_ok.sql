-- MariaDB 11.2+ copies the table online when asked for LOCK=NONE, as ALTER ONLINE TABLE does.
-- @target mariadb:11.8
-- The table exists already (IF NOT EXISTS: not a new, empty table), so its definition is known.
CREATE TABLE IF NOT EXISTS t (id INT NOT NULL PRIMARY KEY, a INT, b INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
ALTER ONLINE TABLE t MODIFY COLUMN a BIGINT;
ALTER ONLINE TABLE t ADD INDEX kb (b);
