-- ${table} is a Flyway placeholder: ddl-lint sees the SQL as Flyway runs it
CREATE TABLE ${table} (
  id INT NOT NULL PRIMARY KEY,
  amount INT NOT NULL
) ENGINE=InnoDB;
INSERT INTO ${table} (id, amount) VALUES (1, 10), (2, 20), (3, 30);
