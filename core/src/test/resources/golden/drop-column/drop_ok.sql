-- Dropped from a table created earlier in this file (no rows, no code uses it yet): info only.
CREATE TABLE drafts (id BIGINT PRIMARY KEY, tmp INT);
ALTER TABLE drafts DROP COLUMN tmp;
-- Dropping an index or a default is not dropping a column.
ALTER TABLE users DROP INDEX idx_legacy;
ALTER TABLE users ALTER COLUMN legacy DROP DEFAULT;
-- A reviewed contract step, with its reason: reported as info.
-- ddl-lint:ignore drop-column legacy unused since release 41 (2026-03); no client older than 41 is supported
ALTER TABLE users DROP COLUMN legacy;
