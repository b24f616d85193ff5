-- A comment that allows what the next statement reports, with its reason, is fine; so are two of them.
-- ddl-lint:ignore column-type-change currencies has 180 rows: the copy takes milliseconds
-- ddl-lint:ignore missing-lock-wait-timeout the deploy job sets lock_wait_timeout itself
ALTER TABLE currencies MODIFY COLUMN code VARCHAR(8) NOT NULL;
-- ddl-lint:stats orders rows=50M data=200GB
ALTER TABLE orders ADD COLUMN note VARCHAR(20);
