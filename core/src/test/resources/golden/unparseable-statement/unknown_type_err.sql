CREATE TABLE t (id INT PRIMARY KEY, c VARCHAR(10));
-- A type name that is not a MySQL or MariaDB type: the clause is not understood.
-- @expect unparseable-statement
ALTER TABLE t MODIFY c VARCHARR(10);
-- @expect unparseable-statement
ALTER TABLE t ADD COLUMN x FOOTYPE;
-- Synonyms are types.
ALTER TABLE t ADD COLUMN y INTEGER UNSIGNED, ADD COLUMN z DOUBLE PRECISION, ADD COLUMN w NATIONAL VARCHAR(5);
ALTER TABLE t ADD COLUMN v BOOL, ADD COLUMN u CHARACTER VARYING(5), ADD COLUMN s SERIAL;
