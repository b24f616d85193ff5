-- @expect unparseable-statement
ALTER TABLE t ADDD COLUMN x INT;
-- @expect unparseable-statement
ALTER TABLE t FROBNICATE everything now;
