-- @expect duplicate-index
ALTER TABLE users ADD INDEX idx_email (email), ADD INDEX idx_email2 (email);
CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT, KEY idx_user (user_id));
-- @expect duplicate-index
CREATE INDEX idx_user_again ON orders (user_id);
-- @expect duplicate-index
CREATE TABLE items (id BIGINT PRIMARY KEY, sku CHAR(8), UNIQUE KEY uq_sku (sku), KEY idx_sku (sku));
