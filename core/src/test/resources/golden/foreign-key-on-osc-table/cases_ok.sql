CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(40));
CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT, CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id));
RENAME TABLE orders TO orders_live;
-- Instant: no copy, no tool needed.
ALTER TABLE orders_live ADD COLUMN note VARCHAR(10) NULL;
-- An online in-place rebuild: table-rebuild's concern.
ALTER TABLE orders_live FORCE;
