-- @target mysql:8.4
-- The column's earlier definition is unknown here: ddl-lint assumes a type change.
-- @expect column-type-change
ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;

-- DDL built as a string and run with PREPARE/EXECUTE is analysed at the SET statement.
-- @expect column-type-change
SET @s = (SELECT IF(
    (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_NAME = 'orders' AND COLUMN_NAME = 'amount') = 0,
    'SELECT 1',
    'ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL'));
PREPARE stmt FROM @s;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;
