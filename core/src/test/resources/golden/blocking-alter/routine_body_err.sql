CREATE TABLE posts (id INT PRIMARY KEY, body TEXT, author_id INT);
RENAME TABLE posts TO posts_live;
-- The migration-helper pattern: the DDL runs at the CALL; it is analysed inside the body, at its own position.
DELIMITER //
CREATE PROCEDURE add_fulltext()
BEGIN
  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;
  IF NOT EXISTS (SELECT 1 FROM information_schema.statistics
                 WHERE table_name = 'posts_live' AND index_name = 'ft_body') THEN
    -- @expect blocking-alter
    ALTER TABLE posts_live ADD FULLTEXT INDEX ft_body (body);
  END IF;
END //
DELIMITER ;
CALL add_fulltext();
DROP PROCEDURE add_fulltext;

-- Loops, labels and nested blocks under the default delimiter; created but never called.
CREATE PROCEDURE later()
main: BEGIN
  DECLARE i INT DEFAULT 0;
  w: WHILE i < 1 DO
    BEGIN
      -- @expect blocking-alter
      ALTER TABLE posts_live ENGINE=MyISAM;
    END;
    SET i = i + 1;
  END WHILE w;
  REPEAT
    SET i = i - 1;
  UNTIL i <= 0 END REPEAT;
END main;
