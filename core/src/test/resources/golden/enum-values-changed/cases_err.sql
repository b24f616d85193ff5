CREATE TABLE orders (id BIGINT PRIMARY KEY, status ENUM('new', 'paid', 'legacy'), tags SET('a', 'b'));
RENAME TABLE orders TO orders_live;
-- @expect enum-values-changed
ALTER TABLE orders_live MODIFY COLUMN status ENUM('new', 'paid');
-- @expect enum-values-changed
ALTER TABLE orders_live MODIFY COLUMN tags SET('b', 'a');
