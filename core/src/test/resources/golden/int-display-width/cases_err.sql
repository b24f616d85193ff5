-- @expect int-display-width
CREATE TABLE counters (id BIGINT(20) UNSIGNED NOT NULL PRIMARY KEY, hits INT(11) NOT NULL);
-- @expect int-display-width
ALTER TABLE users ADD COLUMN age SMALLINT(6) NULL;
