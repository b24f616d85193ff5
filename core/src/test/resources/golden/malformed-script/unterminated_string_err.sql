-- @expect malformed-script line 3
ALTER TABLE t ADD COLUMN a INT;
UPDATE t SET note = 'unterminated;
ALTER TABLE t ADD COLUMN b INT;
