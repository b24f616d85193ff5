-- INT -> BIGINT copies the table and blocks writes for the whole copy.
ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;
