-- MariaDB's ALTER ONLINE TABLE means LOCK=NONE (AlterOnlineTest asks the real servers).
CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT);

-- An index is built online everywhere MariaDB runs.
-- @verdict mariadb:10.11 INPLACE NONE
ALTER ONLINE TABLE t ADD INDEX kb (b);

-- A type change: refused before 11.2 (the verdict stays the natural COPY), an online copy from 11.2.
-- @verdict mariadb:10.11 COPY SHARED
-- @verdict mariadb:11.8 COPY NONE
ALTER ONLINE TABLE t MODIFY a BIGINT;
