-- ADD COLUMN in the middle: INSTANT only from MySQL 8.0.29; before, INPLACE with a table rebuild.
ALTER TABLE t ADD COLUMN c INT AFTER a;
