-- @target mariadb:11.8
ALTER TABLE subscriptions ADD COLUMN expires_at TIMESTAMP NULL;
ALTER TABLE subscriptions ADD COLUMN renewed_at DATETIME NULL;
