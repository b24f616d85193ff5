-- A routine body whose blocks do not balance cannot be split: whatever DDL it runs is unchecked.
DELIMITER $$
-- @expect unparseable-statement
CREATE PROCEDURE broken()
BEGIN
  ALTER TABLE t ADD COLUMN c INT;
$$
DELIMITER ;
