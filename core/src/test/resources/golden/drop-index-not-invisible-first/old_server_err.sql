-- @target mysql:5.7.44
-- No invisible indexes on 5.7: still reported (the help says how to check the index is unused instead).
-- @expect drop-index-not-invisible-first
ALTER TABLE users DROP INDEX idx_legacy;
