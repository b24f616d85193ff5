-- Online, but rebuilds the table: a warning (table-rebuild).
ALTER TABLE t FORCE;
