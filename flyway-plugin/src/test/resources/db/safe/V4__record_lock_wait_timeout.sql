-- records the migration connection's lock_wait_timeout, which the callback set before this migration
CREATE TABLE lock_wait_probe (seconds BIGINT NOT NULL);
INSERT INTO lock_wait_probe (seconds) SELECT @@SESSION.lock_wait_timeout;
