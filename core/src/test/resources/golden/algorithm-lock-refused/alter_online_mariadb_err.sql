-- MariaDB's ALTER ONLINE TABLE is LOCK=NONE: before 11.2 a type change cannot honour it.
-- @target mariadb:10.11
-- @expect algorithm-lock-refused
ALTER ONLINE TABLE t MODIFY COLUMN a BIGINT;
ALTER ONLINE TABLE t ADD INDEX kb (b);
