-- Comments that ddl-lint cannot apply are reported on their line, and change nothing.
-- @expect invalid-directive line 5
-- @expect invalid-directive line 7
-- @expect invalid-directive line 9
-- ddl-lint:ignore column-type-change
ALTER TABLE t MODIFY COLUMN a BIGINT;
-- ddl-lint:ignore no-such-rule because we say so
ALTER TABLE t MODIFY COLUMN b BIGINT;
-- ddl-lint:ignore table-rebuild an index build does not rebuild the table, so this allows nothing
ALTER TABLE t ADD INDEX kb (b);
-- @expect invalid-directive line 14
-- @expect invalid-directive line 16
-- @expect invalid-directive line 17
-- ddl-lint:stats rows=10
SET SESSION lock_wait_timeout = 5;
-- ddl-lint:disable column-type-change another tool's syntax
-- ddl-lint:ignore column-type-change no statement follows this one
