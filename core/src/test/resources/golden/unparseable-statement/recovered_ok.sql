-- JSqlParser 5.4 rejects DROP FOREIGN KEY; the clause reader recovers it.
ALTER TABLE t DROP FOREIGN KEY fk_a, DROP INDEX fk_a;
-- Statements that shape no verdict are not parsed at all.
INSERT INTO t (a) VALUES (1);
OPTIMIZE TABLE t;
