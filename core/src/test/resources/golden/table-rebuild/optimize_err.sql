-- OPTIMIZE TABLE rebuilds each table it names, as ALTER TABLE ... FORCE: one finding per table.
-- @expect table-rebuild
OPTIMIZE TABLE t;
-- @expect table-rebuild
-- @expect table-rebuild
OPTIMIZE NO_WRITE_TO_BINLOG TABLE t, u;
