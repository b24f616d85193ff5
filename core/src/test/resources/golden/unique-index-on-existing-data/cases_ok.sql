ALTER TABLE users ADD INDEX idx_email (email);
-- A table created earlier in this file holds no rows: info only.
CREATE TABLE tokens (id BIGINT PRIMARY KEY, token CHAR(32));
ALTER TABLE tokens ADD UNIQUE INDEX uq_token (token);
