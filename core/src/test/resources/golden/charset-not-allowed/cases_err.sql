-- @expect charset-not-allowed
CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT) DEFAULT CHARSET=utf8;
-- @expect charset-not-allowed
ALTER TABLE users ADD COLUMN code VARCHAR(8) CHARACTER SET latin1 NULL;
