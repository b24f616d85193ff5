SET SESSION lock_wait_timeout = 5;
ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;
