CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(40));
CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT, note VARCHAR(10),
  CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id));
RENAME TABLE orders TO orders_live;
-- @expect foreign-key-on-osc-table
ALTER TABLE orders_live MODIFY COLUMN note VARCHAR(300);
