-- Statements that are not table DDL are never errors here (an odd SELECT is simply not parsed).
SELECT 1 FROM DUAL WHERE ((;
SHOW ENGINE INNODB STATUS;
