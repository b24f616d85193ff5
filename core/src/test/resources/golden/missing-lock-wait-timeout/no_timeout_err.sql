-- @expect missing-lock-wait-timeout
ALTER TABLE orders ADD COLUMN note VARCHAR(100);
-- Once per file: the first statement that waits unprotected is reported.
ALTER TABLE orders ADD INDEX ix_note (note);
DROP TABLE old_orders;
