SET SESSION lock_wait_timeout = 5;
ALTER TABLE orders ADD COLUMN note VARCHAR(100);
CREATE INDEX ix_note ON orders (note);
RENAME TABLE orders_archive TO orders_archive_2024;
DROP TABLE old_orders;
