-- @expect drop-index-not-invisible-first
ALTER TABLE users DROP INDEX idx_legacy;
-- @expect drop-index-not-invisible-first
DROP INDEX idx_name ON users;
-- Made visible again: dropping it is unsafe again.
ALTER TABLE users ALTER INDEX idx_email INVISIBLE;
ALTER TABLE users ALTER INDEX idx_email VISIBLE;
-- @expect drop-index-not-invisible-first
ALTER TABLE users DROP INDEX idx_email;
