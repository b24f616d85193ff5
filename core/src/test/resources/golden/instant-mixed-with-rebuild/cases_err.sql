CREATE TABLE users (id BIGINT PRIMARY KEY, plan VARCHAR(10));
RENAME TABLE users TO users_live;
-- @expect instant-mixed-with-rebuild
ALTER TABLE users_live ADD COLUMN locale VARCHAR(16) NULL, FORCE;
-- @expect instant-mixed-with-rebuild
ALTER TABLE users_live ALTER COLUMN plan SET DEFAULT 'free', ENGINE=InnoDB;
