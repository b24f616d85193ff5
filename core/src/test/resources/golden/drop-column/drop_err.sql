-- A column of a table the migrations did not create: its definition is unknown.
-- @expect drop-column
ALTER TABLE users DROP COLUMN legacy;

-- Known definition; two drops in one statement are two findings.
CREATE TABLE accounts (id BIGINT PRIMARY KEY, nickname VARCHAR(40) NOT NULL, note TEXT);
-- RENAME makes the table "existing": only tables created in the same file are treated as empty.
RENAME TABLE accounts TO accounts_live;
-- @expect drop-column
-- @expect drop-column
ALTER TABLE accounts_live DROP COLUMN nickname, DROP note;
