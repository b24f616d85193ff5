-- @target mysql:8.4
CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(20), status ENUM('a', 'b')) DEFAULT CHARSET=utf8mb4;
RENAME TABLE orders TO orders_live;
-- 80 -> 200 bytes: the length prefix stays 1 byte, so MySQL extends in place.
ALTER TABLE orders_live MODIFY COLUMN note VARCHAR(50);
-- Appending an ENUM member is instant.
ALTER TABLE orders_live MODIFY COLUMN status ENUM('a', 'b', 'c');
-- Only the comment and default change.
ALTER TABLE orders_live MODIFY COLUMN note VARCHAR(50) DEFAULT 'x' COMMENT 'free text';
