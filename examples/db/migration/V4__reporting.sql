-- Unsafe: a FULLTEXT index needs LOCK=SHARED, and a foreign key added with
-- foreign_key_checks=1 copies the table.
SET SESSION lock_wait_timeout = 5;

ALTER TABLE customers ADD FULLTEXT INDEX ft_customers_name (full_name);
ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id);
