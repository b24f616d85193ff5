-- MariaDB 11.2+ copies the table online when asked for LOCK=NONE, as ALTER ONLINE TABLE does.
-- @target mariadb:11.8
ALTER ONLINE TABLE t MODIFY COLUMN a BIGINT;
ALTER ONLINE TABLE t ADD INDEX kb (b);
