-- CHANGE that keeps the name is not a rename.
ALTER TABLE users CHANGE COLUMN nickname nickname VARCHAR(64) NULL;
-- A column of a table created in this file: no code uses it yet (info only).
CREATE TABLE drafts (id BIGINT PRIMARY KEY, tmp INT);
ALTER TABLE drafts RENAME COLUMN tmp TO temp_value;
