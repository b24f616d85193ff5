# Legacy upgrade script, run with: mysql shop < legacy-upgrade.sql

ALTER TABLE customers ADD COLUMN vip TINYINT(1) NOT NULL DEFAULT 0; # flag

delimiter $$
DROP PROCEDURE IF EXISTS backfill $$
CREATE DEFINER=`admin`@`%` PROCEDURE backfill(IN batch INT)
BEGIN
  DECLARE done INT DEFAULT 0;
  fill: LOOP
    UPDATE customers SET vip = 1 WHERE vip = 0 AND spent > 1000 LIMIT batch;
    IF ROW_COUNT() = 0 THEN
      LEAVE fill;
    END IF;
  END LOOP fill;
END $$
delimiter ;

CALL backfill(500);
ALTER TABLE customers DROP COLUMN legacy_flag
