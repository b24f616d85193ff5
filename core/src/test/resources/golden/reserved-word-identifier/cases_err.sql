-- @expect reserved-word-identifier
-- @expect reserved-word-identifier
CREATE TABLE `order` (id BIGINT PRIMARY KEY, `rank` INT);
-- @expect reserved-word-identifier
ALTER TABLE users ADD COLUMN `groups` VARCHAR(100) NULL;
