CREATE TABLE users (id BIGINT PRIMARY KEY, last_login DATETIME NULL, email VARCHAR(255) NOT NULL);
RENAME TABLE users TO users_live;
-- @expect column-made-not-null
ALTER TABLE users_live CHANGE COLUMN last_login last_login DATETIME NOT NULL;
