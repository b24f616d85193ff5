CREATE TABLE ten (id BIGINT PRIMARY KEY, a INT, b INT, c INT, d INT, e INT, f INT, g INT, h INT, i INT,
  KEY (a), KEY (b), KEY (c), KEY (d), KEY (e), KEY (f), KEY (g), KEY (h), KEY (i));
-- A table whose indexes are unknown is not counted.
CREATE INDEX idx_x ON unknown_table (x);
