CREATE TABLE orders (id BIGINT PRIMARY KEY, status ENUM('new', 'paid'));
RENAME TABLE orders TO orders_live;
ALTER TABLE orders_live MODIFY COLUMN status ENUM('new', 'paid', 'refunded');
-- Unknown earlier members: an info finding only.
ALTER TABLE invoices MODIFY COLUMN state ENUM('open', 'closed');
