CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(20), c TEXT, g POINT NOT NULL SRID 0, KEY ka (a));
CREATE TABLE n (a INT NOT NULL, b INT, UNIQUE KEY ua (a));
CREATE TABLE p (id INT PRIMARY KEY);

-- @verdict mysql:8.4 INPLACE NONE
-- @verdict mariadb:10.11 INPLACE NONE
ALTER TABLE t ADD INDEX kb (b);
-- @verdict mysql:8.4 INPLACE NONE
CREATE UNIQUE INDEX ub ON t (b);
-- @verdict mysql:8.4 INPLACE NONE
DROP INDEX ub ON t;
-- @verdict mysql:8.4 INPLACE NONE
-- @verdict mariadb:10.11 INSTANT NONE
ALTER TABLE t RENAME INDEX kb TO kb2;

-- The first FULLTEXT index rebuilds the table and needs a shared lock.
-- @verdict mysql:8.4 INPLACE+REBUILD SHARED
ALTER TABLE t ADD FULLTEXT INDEX fc (c);
-- @verdict mysql:8.4 INPLACE SHARED
ALTER TABLE t ADD SPATIAL INDEX sg (g);

-- With a FULLTEXT index present, ADD COLUMN is no longer instant and a rebuild cannot run in place.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE t ADD COLUMN d INT;

-- Primary keys.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE p DROP PRIMARY KEY;
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
ALTER TABLE p ADD PRIMARY KEY (id);
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
ALTER TABLE p DROP PRIMARY KEY, ADD PRIMARY KEY (id);

-- Without a primary key, the first UNIQUE NOT NULL index is the clustered key: dropping it drops the key.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE n DROP INDEX ua;
