CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT, created DATETIME, KEY idx_user (user_id));
CREATE INDEX idx_created ON orders (created);
ALTER TABLE orders ADD INDEX idx_user_created (user_id, created);
-- Re-created in one statement: replaced, not doubled.
ALTER TABLE orders DROP INDEX idx_created, ADD INDEX idx_created (created);
