DROP TEMPORARY TABLE tmp_ids;
-- Created earlier in this file: no rows yet (info only).
CREATE TABLE scratch (id INT PRIMARY KEY);
DROP TABLE scratch;
