CREATE TABLE tokens (token CHAR(32) NOT NULL, user_id INT, UNIQUE KEY uk_token (token));
RENAME TABLE tokens TO tokens_live;
-- Without a PRIMARY KEY, InnoDB clusters on the first UNIQUE NOT NULL index.
-- @expect primary-key-drop
ALTER TABLE tokens_live DROP INDEX uk_token;

CREATE TABLE codes (code CHAR(8) NOT NULL PRIMARY KEY, label VARCHAR(20));
RENAME TABLE codes TO codes_live;
-- Dropping the column that is the whole primary key drops the key.
-- @expect primary-key-drop
ALTER TABLE codes_live DROP COLUMN code;
