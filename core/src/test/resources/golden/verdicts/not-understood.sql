CREATE TABLE t (id INT PRIMARY KEY, c VARCHAR(10));

-- What is not understood gets the worst verdict (unparseable-statement, an error).
-- @verdict mysql:8.4 COPY EXCLUSIVE
-- @verdict mariadb:11.8 COPY EXCLUSIVE
ALTER TABLE t FROBNICATE everything now;
-- A type that is not a MySQL or MariaDB type.
-- @verdict mysql:8.4 COPY EXCLUSIVE
-- @verdict mariadb:11.8 COPY EXCLUSIVE
ALTER TABLE t MODIFY c VARCHARR(10);
-- @verdict mysql:8.4 COPY EXCLUSIVE
ALTER TABLE t ADD COLUMN x FOOTYPE;
-- Nothing could read it: neither JSqlParser nor the clause reader.
-- @verdict mysql:8.4 COPY EXCLUSIVE
-- @verdict mariadb:11.8 COPY EXCLUSIVE
ALTER TABLE;
-- @verdict mysql:8.4 COPY EXCLUSIVE
CREATE INDEX ON;
