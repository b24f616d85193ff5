ALTER TABLE orders ADD COLUMN note VARCHAR(200) NULL, ALGORITHM=INSTANT;
INSERT INTO orders (customer_id, amount_cents) VALUES (1, 100), (2, 250);
