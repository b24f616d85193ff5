CREATE TABLE account (
  id INT NOT NULL PRIMARY KEY,
  amount INT NOT NULL
) ENGINE=InnoDB;
INSERT INTO account (id, amount) VALUES (1, 10), (2, 20);
