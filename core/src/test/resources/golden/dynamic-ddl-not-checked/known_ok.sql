-- What can be known is analysed like any statement (and reported by the other rules), not as unchecked.
PREPARE s1 FROM 'ALTER TABLE t ADD COLUMN a INT';
SET @s = CONCAT('ALTER TABLE ', 't', ' ADD COLUMN b INT');
PREPARE s2 FROM @s;
SET @h = 0x414C544552205441424C45207420414444204320494E54;
PREPARE s3 FROM @h;
SELECT IF(COUNT(*) = 0, 'ALTER TABLE t ADD COLUMN d INT', 'SELECT 1') INTO @q
  FROM information_schema.columns WHERE table_name = 't' AND column_name = 'd';
PREPARE s4 FROM @q;
SET @x = X'53454C4543542031';
EXECUTE IMMEDIATE @x;
-- Provably not table DDL: the text starts with SELECT, whatever follows.
SET @count = CONCAT('SELECT COUNT(*) FROM ', @tbl);
PREPARE s5 FROM @count;
EXECUTE IMMEDIATE CONCAT('INSERT INTO log VALUES (', @v, ')');
