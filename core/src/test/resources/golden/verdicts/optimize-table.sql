-- OPTIMIZE TABLE on InnoDB is "recreate + analyze": the server runs ALTER TABLE ... FORCE. An online rebuild,
-- except that MySQL copies a table with a FULLTEXT index (OptimizeTableStagesTest reads the servers' stage events).
CREATE TABLE p (id INT PRIMARY KEY, a INT);
CREATE TABLE f (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY ft (body));

-- @verdict mysql:5.7.44 INPLACE+REBUILD NONE
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
-- @verdict mariadb:10.11 INPLACE+REBUILD NONE
OPTIMIZE TABLE p;

-- @verdict mysql:8.4 COPY SHARED
-- @verdict mysql:9.7 COPY SHARED
OPTIMIZE LOCAL TABLE f;

-- Same as the equivalent ALTER.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE f FORCE;
