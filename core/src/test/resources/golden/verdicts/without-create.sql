-- No CREATE TABLE and no live schema: ddl-lint knows nothing about `legacy` and stays conservative.

-- The earlier definition is unknown, so a MODIFY may be a type change: assumed COPY.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE legacy MODIFY COLUMN note VARCHAR(50);

-- The column may be indexed, and the table may have a FULLTEXT index, which InnoDB cannot rebuild in place
-- (oracle): assumed a copy.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE legacy DROP COLUMN note;

-- An instant ADD COLUMN falls back to a rebuild on a table with a FULLTEXT index, and that rebuild is a copy
-- (MySQL 9.7: COPY, LOCK=SHARED): with the table unknown, assumed so.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE legacy ADD COLUMN note2 INT;

-- MariaDB copies every ALTER of a table with a UNIQUE index kept as a hidden hash column, and a cascading
-- foreign key keeps the copy from running online: with the table unknown, assumed both.
-- @verdict mariadb:11.8 COPY SHARED
ALTER TABLE legacy ADD COLUMN note3 INT;

-- The table may have no FULLTEXT index yet: assumed this one is the first (rebuild).
-- @verdict mysql:8.4 INPLACE+REBUILD SHARED
ALTER TABLE legacy ADD FULLTEXT INDEX ft (body);

-- CONVERT TO: the current character set is unknown, assumed to change.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE legacy CONVERT TO CHARACTER SET utf8mb4;
