-- @expect alter-without-algorithm-lock
ALTER TABLE users ADD INDEX idx_locale (locale);
-- ALGORITHM=INPLACE without LOCK=.
-- @expect alter-without-algorithm-lock
ALTER TABLE users ADD INDEX idx_name (name), ALGORITHM=INPLACE;
