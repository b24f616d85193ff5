-- Blocks writes: an error (column-type-change).
ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;
