-- @expect not-null-column-without-default
ALTER TABLE users ADD COLUMN locale VARCHAR(16) NOT NULL;
-- @expect not-null-column-without-default
ALTER TABLE users ADD COLUMN tenant_id BIGINT NOT NULL AFTER id, ADD COLUMN note TEXT NULL;
