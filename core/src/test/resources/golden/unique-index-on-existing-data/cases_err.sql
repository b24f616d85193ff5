-- @expect unique-index-on-existing-data
ALTER TABLE users ADD UNIQUE INDEX uq_email (email);
-- @expect unique-index-on-existing-data
CREATE UNIQUE INDEX uq_login ON users (login);
