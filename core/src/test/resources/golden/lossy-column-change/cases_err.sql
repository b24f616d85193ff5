CREATE TABLE users (id BIGINT PRIMARY KEY, nickname VARCHAR(64), score INT, balance DECIMAL(12,2),
  bio TEXT, name VARCHAR(50)) DEFAULT CHARSET=utf8mb4;
RENAME TABLE users TO users_live;
-- @expect lossy-column-change
ALTER TABLE users_live MODIFY COLUMN nickname VARCHAR(20);
-- @expect lossy-column-change
ALTER TABLE users_live MODIFY COLUMN score SMALLINT;
-- @expect lossy-column-change
ALTER TABLE users_live MODIFY COLUMN score INT UNSIGNED;
-- @expect lossy-column-change
ALTER TABLE users_live MODIFY COLUMN balance DECIMAL(12,0);
-- @expect lossy-column-change
ALTER TABLE users_live MODIFY COLUMN bio TINYTEXT;
-- @expect lossy-column-change
ALTER TABLE users_live MODIFY COLUMN name VARCHAR(50) CHARACTER SET latin1;
