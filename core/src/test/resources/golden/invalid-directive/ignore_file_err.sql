-- A ddl-lint:ignore-file comment needs a reason, and must allow something in its file.
-- @expect invalid-directive line 5
-- @expect invalid-directive line 6
-- @expect invalid-directive line 7
-- ddl-lint:ignore-file column-type-change
-- ddl-lint:ignore-file table-rebuild an index build does not rebuild the table, so this allows nothing
-- ddl-lint:ignore-file invalid-encoding file-level rules are set in ddl-lint.yml, not here
ALTER TABLE t MODIFY COLUMN a BIGINT;
ALTER TABLE t ADD INDEX kb (b);
