-- Conditions that depend on the table as it stands.
CREATE TABLE z (id INT PRIMARY KEY, a INT, note VARCHAR(20)) ROW_FORMAT=COMPRESSED;
CREATE TABLE f (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY ft (body));
CREATE TABLE u (id INT PRIMARY KEY, note VARCHAR(20), body TEXT) DEFAULT CHARSET=utf8mb4;

-- ROW_FORMAT=COMPRESSED: no instant ADD/DROP COLUMN.
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
-- @verdict mariadb:10.11 INPLACE+REBUILD NONE
ALTER TABLE z ADD COLUMN b INT;
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
ALTER TABLE z DROP COLUMN a;

-- A second FULLTEXT index does not rebuild.
-- @verdict mysql:8.4 INPLACE SHARED
ALTER TABLE f ADD FULLTEXT INDEX ft2 (body);

-- CONVERT TO the charset every character column already has: only the collation changes (MySQL rebuilds with
-- a shared lock, MariaDB is instant); to another charset the table is copied.
-- @verdict mysql:9.7 INPLACE+REBUILD SHARED
-- @verdict mariadb:10.11 INSTANT NONE
ALTER TABLE u CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
-- @verdict mysql:9.7 COPY SHARED
ALTER TABLE u CONVERT TO CHARACTER SET latin1;

-- MODIFY that repeats the definition and only changes the default: metadata.
-- @verdict mysql:8.4 INSTANT NONE
ALTER TABLE u MODIFY COLUMN note VARCHAR(20) CHARACTER SET latin1 DEFAULT 'x';
-- Changing the charset of one column copies.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE u MODIFY COLUMN note VARCHAR(20) CHARACTER SET utf8mb4;
