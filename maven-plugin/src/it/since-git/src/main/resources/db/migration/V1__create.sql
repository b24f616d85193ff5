-- The tables, as the service started out.
CREATE TABLE orders (
  id BIGINT NOT NULL PRIMARY KEY,
  amount INT NOT NULL,
  note VARCHAR(40)
) ENGINE=InnoDB;

CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT) ENGINE=InnoDB;
