-- @expect float-for-money
ALTER TABLE orders ADD COLUMN total DOUBLE NULL;
-- @expect float-for-money
CREATE TABLE products (id BIGINT PRIMARY KEY, unit_price FLOAT NOT NULL);
