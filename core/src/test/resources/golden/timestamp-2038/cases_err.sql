-- @expect timestamp-2038
ALTER TABLE subscriptions ADD COLUMN expires_at TIMESTAMP NULL;
-- @expect timestamp-2038
CREATE TABLE events (id BIGINT PRIMARY KEY, at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6));
