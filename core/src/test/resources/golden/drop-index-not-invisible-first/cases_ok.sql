ALTER TABLE users ALTER INDEX idx_legacy INVISIBLE;
ALTER TABLE users DROP INDEX idx_legacy;
-- The primary key is primary-key-drop's concern.
ALTER TABLE sessions DROP PRIMARY KEY, ADD PRIMARY KEY (id, user_id);
