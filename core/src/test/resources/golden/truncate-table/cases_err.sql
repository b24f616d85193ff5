-- @expect truncate-table
TRUNCATE TABLE sessions;
-- @expect truncate-table
TRUNCATE audit;
