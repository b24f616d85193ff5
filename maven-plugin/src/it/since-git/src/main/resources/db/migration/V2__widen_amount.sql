-- Already ran in production (committed before the ref): an error nobody can fix any more.
ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;
