-- A ddl-lint:run-with comment names pt-online-schema-change, options ddl-lint passes on, and an ALTER after it.
-- @expect invalid-directive line 5
-- @expect invalid-directive line 7
-- @expect invalid-directive line 9
-- ddl-lint:run-with gh-ost
ALTER TABLE t MODIFY COLUMN a BIGINT;
-- ddl-lint:run-with pt-online-schema-change --alter-foreign-keys-method=auto
ALTER TABLE t MODIFY COLUMN b BIGINT;
-- ddl-lint:run-with pt-online-schema-change
DROP TABLE t;
