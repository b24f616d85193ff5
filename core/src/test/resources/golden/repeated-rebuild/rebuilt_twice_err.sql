-- Two statements that each rebuild `orders`: the second is reported.
-- @target mysql:8.0.28
ALTER TABLE orders ADD COLUMN note VARCHAR(20) AFTER id;
-- @expect repeated-rebuild
ALTER TABLE orders ROW_FORMAT=DYNAMIC;
-- An online index build is not a rebuild; OPTIMIZE TABLE is.
ALTER TABLE orders ADD INDEX k_note (note);
-- @expect repeated-rebuild
OPTIMIZE TABLE orders;
-- Another table is counted on its own.
ALTER TABLE customers FORCE;
