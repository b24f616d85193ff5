CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL);
RENAME TABLE users TO users_live;
-- Already NOT NULL: only the length changes.
ALTER TABLE users_live MODIFY COLUMN email VARCHAR(120) NOT NULL;
-- Unknown earlier definition: an info finding that says so.
ALTER TABLE accounts MODIFY COLUMN email VARCHAR(255) NOT NULL;
