-- @expect table-rebuild
ALTER TABLE t ADD PRIMARY KEY (id);
-- @expect table-rebuild
ALTER TABLE t FORCE;
-- @expect table-rebuild
ALTER TABLE t ROW_FORMAT=DYNAMIC;
