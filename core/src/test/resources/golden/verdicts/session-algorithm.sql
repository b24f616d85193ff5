CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(20)) DEFAULT CHARSET=utf8mb4;

-- Seen on the servers: affected rows > 0 means the table was copied.
-- @verdict mysql:9.7 INSTANT NONE
-- @verdict mariadb:10.11 INSTANT NONE
ALTER TABLE t ADD COLUMN c1 INT;
SET SESSION old_alter_table = 1;
-- old_alter_table=ON: an ALTER without ALGORITHM= copies (MySQL 9.7: 3 rows affected; MariaDB 10.11 likewise).
-- @verdict mysql:9.7 COPY SHARED
-- @verdict mariadb:10.11 COPY SHARED
ALTER TABLE t ADD COLUMN c2 INT;
-- MySQL honours an explicit ALGORITHM=INSTANT; MariaDB 10.11 copies anyway.
-- @verdict mysql:9.7 INSTANT NONE
-- @verdict mariadb:10.11 COPY SHARED
ALTER TABLE t ADD COLUMN c3 INT, ALGORITHM=INSTANT;
-- An explicit INPLACE is honoured by both.
-- @verdict mysql:9.7 INPLACE NONE
-- @verdict mariadb:10.11 INPLACE NONE
ALTER TABLE t ADD INDEX i1 (a), ALGORITHM=INPLACE;
-- CREATE INDEX and DROP INDEX copy too.
-- @verdict mysql:9.7 COPY SHARED
-- @verdict mariadb:10.11 COPY SHARED
CREATE INDEX i2 ON t (b);
SET old_alter_table = DEFAULT;
-- @verdict mysql:9.7 INPLACE NONE
ALTER TABLE t ADD INDEX i3 (b);
-- A GLOBAL setting does not change this session.
SET GLOBAL old_alter_table = ON;
-- @verdict mysql:9.7 INSTANT NONE
ALTER TABLE t ADD COLUMN c4 INT;
-- A modifier holds for the assignments after it.
SET GLOBAL lock_wait_timeout = 5, old_alter_table = 1;
-- @verdict mysql:9.7 INSTANT NONE
ALTER TABLE t ADD COLUMN c5 INT;
SET @@session.old_alter_table := 1;
-- @verdict mysql:9.7 COPY SHARED
ALTER TABLE t ADD COLUMN c6 INT;
SET LOCAL old_alter_table = OFF, foreign_key_checks = 1;
-- @verdict mysql:9.7 INSTANT NONE
ALTER TABLE t ADD COLUMN c7 INT;

-- MariaDB alter_algorithm: the implied ALGORITHM= of a statement that writes none.
SET SESSION alter_algorithm = 'COPY';
-- @verdict mariadb:10.11 COPY SHARED
-- @verdict mariadb:11.8 INSTANT NONE
ALTER TABLE t ADD COLUMN m1 INT;
SET SESSION alter_algorithm = INPLACE;
-- INPLACE is refused for a type change (10.11: error 1846): the verdict stays what the server would do.
-- @verdict mariadb:10.11 COPY SHARED
ALTER TABLE t MODIFY a BIGINT;
-- @verdict mariadb:10.11 INSTANT NONE
ALTER TABLE t ADD COLUMN m2 INT;
SET @@alter_algorithm = DEFAULT;
-- @verdict mariadb:10.11 INPLACE NONE
ALTER TABLE t ADD INDEX i4 (a);
