-- @expect algorithm-lock-refused
ALTER TABLE t MODIFY COLUMN a BIGINT, ALGORITHM=INPLACE, LOCK=NONE;
-- @expect algorithm-lock-refused
ALTER TABLE t ADD INDEX kb (b), ALGORITHM=INSTANT;
-- @expect algorithm-lock-refused
ALTER TABLE t ADD COLUMN c INT, ALGORITHM=INSTANT, LOCK=NONE;
-- @expect algorithm-lock-refused
ALTER TABLE t ADD FULLTEXT INDEX ft (body), LOCK=NONE;
