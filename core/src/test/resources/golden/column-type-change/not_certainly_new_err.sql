-- Findings on a table are only downgraded when a statement certainly created it empty.
-- IF NOT EXISTS: the table may already exist, with rows.
CREATE TABLE IF NOT EXISTS audit (id INT PRIMARY KEY, v INT);
-- @expect column-type-change
ALTER TABLE audit MODIFY COLUMN v BIGINT;

-- CREATE … SELECT fills the table.
CREATE TABLE audit_copy AS SELECT * FROM audit_source;
-- @expect column-type-change
ALTER TABLE audit_copy MODIFY COLUMN v BIGINT;

-- CREATE … LIKE is empty, until rows are inserted.
CREATE TABLE audit_like LIKE audit_source;
INSERT INTO audit_like SELECT * FROM audit_source;
-- @expect column-type-change
ALTER TABLE audit_like MODIFY COLUMN v BIGINT;

-- Rows inserted after an ordinary CREATE.
CREATE TABLE audit_rows (id INT PRIMARY KEY, v INT);
INSERT INTO audit_rows (id, v) VALUES (1, 1);
-- @expect column-type-change
ALTER TABLE audit_rows MODIFY COLUMN v BIGINT;
CREATE TABLE audit_loaded (id INT PRIMARY KEY, v INT);
LOAD DATA LOCAL INFILE 'rows.csv' INTO TABLE audit_loaded;
-- @expect column-type-change
ALTER TABLE audit_loaded MODIFY COLUMN v BIGINT;
CREATE TABLE audit_replaced (id INT PRIMARY KEY, v INT);
REPLACE INTO audit_replaced VALUES (1, 1);
-- @expect column-type-change
ALTER TABLE audit_replaced MODIFY COLUMN v BIGINT;

-- A TEMPORARY table shadows the real one for this session only.
CREATE TEMPORARY TABLE audit_tmp (id INT PRIMARY KEY, v INT);
-- @expect column-type-change
ALTER TABLE audit_tmp MODIFY COLUMN v BIGINT;

-- Created in another schema: the unqualified name is another table.
CREATE TABLE archive.audit_other (id INT PRIMARY KEY, v INT);
-- @expect column-type-change
ALTER TABLE audit_other MODIFY COLUMN v BIGINT;

-- Inside a versioned comment the target may skip the CREATE.
/*!99999 CREATE TABLE audit_versioned (id INT PRIMARY KEY, v INT) */;
-- @expect column-type-change
ALTER TABLE audit_versioned MODIFY COLUMN v BIGINT;

-- Inside a string, for PREPARE: it may never run.
SET @s = IF(@missing, 'CREATE TABLE audit_string (id INT PRIMARY KEY, v INT)', 'SELECT 1');
-- @expect column-type-change
ALTER TABLE audit_string MODIFY COLUMN v BIGINT;
