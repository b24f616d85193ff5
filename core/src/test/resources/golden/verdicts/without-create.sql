-- No CREATE TABLE and no live schema: ddl-lint knows nothing about `legacy` and stays conservative.

-- The earlier definition is unknown, so a MODIFY may be a type change: assumed COPY.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE legacy MODIFY COLUMN note VARCHAR(50);

-- The column may be indexed: assumed the drop rebuilds the table.
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
ALTER TABLE legacy DROP COLUMN note;

-- ADD COLUMN does not depend on the old definition (only on FULLTEXT / COMPRESSED, unknown here).
-- @verdict mysql:8.4 INSTANT NONE
ALTER TABLE legacy ADD COLUMN note2 INT;

-- The table may have no FULLTEXT index yet: assumed this one is the first (rebuild).
-- @verdict mysql:8.4 INPLACE+REBUILD SHARED
ALTER TABLE legacy ADD FULLTEXT INDEX ft (body);

-- CONVERT TO: the current character set is unknown, assumed to change.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE legacy CONVERT TO CHARACTER SET utf8mb4;
