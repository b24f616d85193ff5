-- @expect update-without-where
UPDATE users SET locale = 'en';
-- @expect update-without-where
UPDATE users SET a = 1, b = 2 ORDER BY id;
