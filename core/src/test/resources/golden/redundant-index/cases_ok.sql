CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT, created DATETIME, KEY idx_user_created (user_id, created));
CREATE INDEX idx_created ON orders (created);
CREATE UNIQUE INDEX uq_user ON orders (user_id);
