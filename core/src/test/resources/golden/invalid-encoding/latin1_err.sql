-- @expect invalid-encoding line 2
ALTER TABLE t COMMENT 'café';
