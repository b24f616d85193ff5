CREATE TABLE p (id INT PRIMARY KEY) DEFAULT CHARSET=utf8mb4;
CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(20)) DEFAULT CHARSET=utf8mb4;

-- A foreign key with foreign_key_checks=1 copies; with 0 it is added in place.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE t ADD CONSTRAINT fk_a FOREIGN KEY (a) REFERENCES p (id);
SET foreign_key_checks = 0;
-- (fk_a left an index on `a` that the server created for it, so MariaDB adds this one instantly: checked on 10.11.)
-- @verdict mysql:8.4 INPLACE NONE
-- @verdict mariadb:10.11 INSTANT NONE
ALTER TABLE t ADD CONSTRAINT fk_a2 FOREIGN KEY (a) REFERENCES p (id);
SET foreign_key_checks = 1;
-- @verdict mysql:8.4 INPLACE NONE
ALTER TABLE t DROP FOREIGN KEY fk_a2;

-- Table options.
-- @verdict mysql:8.4 INPLACE NONE
-- @verdict mariadb:10.11 INSTANT NONE
ALTER TABLE t COMMENT = 'orders';
-- @verdict mysql:8.4 INPLACE NONE
ALTER TABLE t AUTO_INCREMENT = 1000;
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
ALTER TABLE t ROW_FORMAT = DYNAMIC;
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
ALTER TABLE t ENGINE = InnoDB;
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
ALTER TABLE t FORCE;
-- @verdict mysql:8.4 INPLACE NONE
ALTER TABLE t DEFAULT CHARACTER SET latin1;
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE t CONVERT TO CHARACTER SET latin1;
-- @verdict mysql:8.4 INSTANT NONE
ALTER TABLE t RENAME TO t2;
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE t2 ADD CONSTRAINT chk_a CHECK (a > 0);

-- Combining operations: the statement gets the weakest algorithm, and INSTANT parts fall back.
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
ALTER TABLE t2 ADD COLUMN d INT, ADD INDEX kd (d);
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE t2 ADD COLUMN e INT, MODIFY COLUMN a BIGINT;

-- Explicit clauses change what runs: ALGORITHM=INPLACE turns an instant ADD COLUMN into a rebuild on MySQL,
-- and LOCK=SHARED blocks writes even though none is needed.
-- @verdict mysql:8.4 INPLACE+REBUILD NONE
ALTER TABLE t2 ADD COLUMN f INT, ALGORITHM=INPLACE;
-- @verdict mysql:8.4 INPLACE SHARED
ALTER TABLE t2 ADD INDEX kf (f), LOCK=SHARED;
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE t2 ADD COLUMN g INT, ALGORITHM=COPY;
