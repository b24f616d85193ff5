-- A new unsafe migration, written after the baseline.
ALTER TABLE t DROP PRIMARY KEY;
