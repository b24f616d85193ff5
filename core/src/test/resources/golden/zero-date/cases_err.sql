-- @expect zero-date
ALTER TABLE users ADD COLUMN deleted_at DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00';
-- @expect zero-date
CREATE TABLE events (id BIGINT PRIMARY KEY, happened DATE NOT NULL DEFAULT '0000-00-00');
