-- A whole-file exception, with its reason, allows the rule on every statement of the file (reported as info).
-- ddl-lint:ignore-file column-type-change lookup tables of a few hundred rows: each copy takes milliseconds
ALTER TABLE currencies MODIFY COLUMN code VARCHAR(8) NOT NULL;
ALTER TABLE countries MODIFY COLUMN iso CHAR(3) NOT NULL;
