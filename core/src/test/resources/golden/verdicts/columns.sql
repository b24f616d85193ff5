-- Column operations across MySQL point releases and MariaDB.
CREATE TABLE t (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  a INT,
  b VARCHAR(20),
  c TEXT,
  KEY ka (a)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Instant ADD COLUMN (last) arrives in 8.0.12.
-- @verdict mysql:5.7.44 INPLACE+REBUILD NONE
-- @verdict mysql:8.0.11 INPLACE+REBUILD NONE
-- @verdict mysql:8.0.12 INSTANT NONE
-- @verdict mysql:8.4 INSTANT NONE
-- @verdict mariadb:10.11 INSTANT NONE
ALTER TABLE t ADD COLUMN d INT;

-- ADD COLUMN at a position: instant from 8.0.29, MariaDB 10.4.
-- @verdict mysql:8.0.28 INPLACE+REBUILD NONE
-- @verdict mysql:8.0.29 INSTANT NONE
-- @verdict mysql:9.7 INSTANT NONE
-- @verdict mariadb:10.3 INPLACE+REBUILD NONE
-- @verdict mariadb:10.6 INSTANT NONE
ALTER TABLE t ADD COLUMN e INT NOT NULL DEFAULT 0 AFTER a;

-- An AUTO_INCREMENT column needs a lock.
-- @verdict mysql:8.4 INPLACE+REBUILD SHARED
ALTER TABLE t ADD COLUMN seq INT NOT NULL AUTO_INCREMENT, ADD KEY kseq (seq);

-- Generated columns: VIRTUAL is instant, STORED copies.
-- @verdict mysql:8.4 INSTANT NONE
-- @verdict mariadb:10.11 INSTANT NONE
ALTER TABLE t ADD COLUMN v INT AS (a + 1) VIRTUAL;
-- @verdict mysql:8.4 COPY SHARED
-- @verdict mariadb:10.11 COPY SHARED
-- @verdict mariadb:11.8 COPY NONE
ALTER TABLE t ADD COLUMN s INT AS (a + 1) STORED;

-- RENAME COLUMN: instant from 8.0.28.
-- @verdict mysql:8.0.27 INPLACE NONE
-- @verdict mysql:8.0.28 INSTANT NONE
ALTER TABLE t RENAME COLUMN c TO c2;

-- CHANGE with the same definition is a rename.
-- @verdict mysql:8.4 INSTANT NONE
ALTER TABLE t CHANGE COLUMN b b2 VARCHAR(20);

-- Defaults live in the dictionary.
-- @verdict mysql:8.0.12 INSTANT NONE
-- @verdict mysql:5.7 INPLACE NONE
ALTER TABLE t ALTER COLUMN a SET DEFAULT 5;
-- @verdict mysql:8.4 INSTANT NONE
ALTER TABLE t ALTER COLUMN a DROP DEFAULT;

-- A comment-only MODIFY is metadata.
-- @verdict mysql:8.4 INSTANT NONE
ALTER TABLE t MODIFY COLUMN a INT COMMENT 'hello';

-- Nullability changes rebuild in place; MariaDB copies to make a column NOT NULL when the table has a STORED
-- generated column (`s` above; confirmed on MariaDB 10.11.19: ALGORITHM=INPLACE refused).
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
-- @verdict mariadb:10.11 COPY SHARED
ALTER TABLE t MODIFY COLUMN a INT NOT NULL;
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
ALTER TABLE t MODIFY COLUMN a INT NULL;

-- Reordering: MySQL rebuilds, MariaDB 10.4+ is instant.
-- @verdict mysql:9.7 INPLACE+REBUILD NONE
-- @verdict mariadb:10.11 INSTANT NONE
ALTER TABLE t MODIFY COLUMN a INT NULL AFTER c2;

-- A data type change copies the table (MariaDB 11.2+ copies online).
-- @verdict mysql:8.4 COPY SHARED
-- @verdict mariadb:10.11 COPY SHARED
-- @verdict mariadb:11.8 COPY NONE
ALTER TABLE t MODIFY COLUMN a BIGINT NULL;

-- Dropping a column: instant from 8.0.29 unless it is indexed.
-- @verdict mysql:8.0.28 INPLACE+REBUILD NONE
-- @verdict mysql:8.0.29 INSTANT NONE
ALTER TABLE t DROP COLUMN e;
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
-- @verdict mariadb:10.11 INPLACE NONE
ALTER TABLE t DROP COLUMN a;
