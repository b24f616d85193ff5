-- MariaDB's ALTER ONLINE TABLE is LOCK=NONE: before 11.2 a type change cannot honour it.
-- @target mariadb:10.11
-- The table exists already (IF NOT EXISTS: not a new, empty table), so its definition is known.
CREATE TABLE IF NOT EXISTS t (id INT NOT NULL PRIMARY KEY, a INT, b INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
-- @expect algorithm-lock-refused
ALTER ONLINE TABLE t MODIFY COLUMN a BIGINT;
ALTER ONLINE TABLE t ADD INDEX kb (b);
