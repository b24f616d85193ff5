-- @expect drop-table
DROP TABLE nopk;
-- @expect drop-table
-- @expect drop-table
DROP TABLE IF EXISTS a, b;
