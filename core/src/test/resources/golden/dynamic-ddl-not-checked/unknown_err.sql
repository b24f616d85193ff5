-- @expect dynamic-ddl-not-checked
PREPARE s1 FROM @never_set;
SET @t = (SELECT table_name FROM information_schema.tables LIMIT 1);
SET @ddl = CONCAT('ALTER TABLE ', @t, ' ADD COLUMN c INT');
-- @expect dynamic-ddl-not-checked
PREPARE s2 FROM @ddl;
EXECUTE s2;
-- @expect dynamic-ddl-not-checked
EXECUTE IMMEDIATE CONCAT('ALTER TABLE t ', @clause);
-- @expect dynamic-ddl-not-checked
EXECUTE IMMEDIATE @never_set_either;
SELECT column_name INTO @col FROM information_schema.columns LIMIT 1;
-- @expect dynamic-ddl-not-checked
PREPARE s3 FROM @col;
DELIMITER $$
CREATE PROCEDURE add_column(IN tbl VARCHAR(64))
BEGIN
  SET @sql = CONCAT('ALTER TABLE ', tbl, ' ADD COLUMN c INT');
  -- @expect dynamic-ddl-not-checked
  PREPARE stmt FROM @sql;
  EXECUTE stmt;
END$$
DELIMITER ;
