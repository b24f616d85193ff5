-- @expect index-visibility-mixed-with-rebuild
ALTER TABLE users ALTER INDEX idx_email INVISIBLE, FORCE;
