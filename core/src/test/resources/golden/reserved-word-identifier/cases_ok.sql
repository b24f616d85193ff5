CREATE TABLE purchase_orders (id BIGINT PRIMARY KEY, sort_rank INT, status VARCHAR(10), name VARCHAR(40));
ALTER TABLE users ADD COLUMN user_groups VARCHAR(100) NULL;
