-- ALTER ONLINE TABLE is MariaDB syntax: MySQL refuses it (syntax error 1064), whatever the operation.
-- @target mysql:8.4
-- @expect algorithm-lock-refused
ALTER ONLINE TABLE t ADD INDEX kb (b);
