-- @expect rename-column
ALTER TABLE users RENAME COLUMN nickname TO display_name;
-- CHANGE with a new name is a rename too.
-- @expect rename-column
ALTER TABLE users CHANGE COLUMN nickname display_name VARCHAR(64) NULL;
