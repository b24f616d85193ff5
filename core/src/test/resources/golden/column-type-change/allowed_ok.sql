-- A deliberate exception, with its reason, is reported as info and does not fail the check.
-- ddl-lint:ignore column-type-change currencies has 180 rows: the copy takes milliseconds
ALTER TABLE currencies MODIFY COLUMN code VARCHAR(8) NOT NULL;
