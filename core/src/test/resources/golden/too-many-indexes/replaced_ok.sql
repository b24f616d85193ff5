CREATE TABLE ten (id BIGINT PRIMARY KEY, a INT, b INT, c INT, d INT, e INT, f INT, g INT, h INT, i INT, j INT,
  KEY idx_a (a), KEY (b), KEY (c), KEY (d), KEY (e), KEY (f), KEY (g), KEY (h), KEY (i));
-- One dropped, one added: still 10.
ALTER TABLE ten DROP INDEX idx_a, ADD INDEX idx_j (j);
