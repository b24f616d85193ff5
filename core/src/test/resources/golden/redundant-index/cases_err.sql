CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT, created DATETIME, KEY idx_user (user_id));
-- The new index makes the existing idx_user redundant.
-- @expect redundant-index
ALTER TABLE orders ADD INDEX idx_user_created (user_id, created);
-- @expect redundant-index
CREATE TABLE items (id BIGINT PRIMARY KEY, a INT, b INT, KEY idx_a (a), KEY idx_ab (a, b));
