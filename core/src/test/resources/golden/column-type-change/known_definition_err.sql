CREATE TABLE orders (id INT PRIMARY KEY, amount INT NOT NULL, note VARCHAR(100)) DEFAULT CHARSET=utf8mb4;
-- RENAME makes the table "existing": only tables created in the same file are treated as empty.
RENAME TABLE orders TO orders_live;
-- @expect column-type-change
ALTER TABLE orders_live CHANGE COLUMN amount amount_cents BIGINT NOT NULL;
-- @expect column-type-change
ALTER TABLE orders_live MODIFY COLUMN note VARCHAR(100) CHARACTER SET latin1;
