CREATE TABLE users (id BIGINT PRIMARY KEY, nickname VARCHAR(64), score INT, bio TEXT) DEFAULT CHARSET=latin1;
RENAME TABLE users TO users_live;
ALTER TABLE users_live MODIFY COLUMN nickname VARCHAR(100);
ALTER TABLE users_live MODIFY COLUMN score BIGINT;
ALTER TABLE users_live MODIFY COLUMN bio MEDIUMTEXT;
ALTER TABLE users_live MODIFY COLUMN nickname VARCHAR(100) CHARACTER SET utf8mb4;
-- Unknown earlier definition: an info finding only.
ALTER TABLE accounts MODIFY COLUMN code VARCHAR(8);
