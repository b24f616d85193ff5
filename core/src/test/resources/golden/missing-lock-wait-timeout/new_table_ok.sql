-- A table created in this file is not in use yet: nobody else holds it.
CREATE TABLE invoices (id BIGINT PRIMARY KEY, amount INT NOT NULL);
ALTER TABLE invoices ADD COLUMN note VARCHAR(100);
CREATE INDEX ix_amount ON invoices (amount);
INSERT INTO invoices (id, amount) VALUES (1, 10);
