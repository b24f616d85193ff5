-- @expect too-many-indexes
CREATE TABLE wide (id BIGINT PRIMARY KEY, a INT, b INT, c INT, d INT, e INT, f INT, g INT, h INT, i INT, j INT,
  KEY (a), KEY (b), KEY (c), KEY (d), KEY (e), KEY (f), KEY (g), KEY (h), KEY (i), KEY (j));
CREATE TABLE ten (id BIGINT PRIMARY KEY, a INT, b INT, c INT, d INT, e INT, f INT, g INT, h INT, i INT, j INT,
  KEY (a), KEY (b), KEY (c), KEY (d), KEY (e), KEY (f), KEY (g), KEY (h), KEY (i));
-- @expect too-many-indexes
CREATE INDEX idx_j ON ten (j);
