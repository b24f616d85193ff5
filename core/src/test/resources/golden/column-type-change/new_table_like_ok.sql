-- CREATE … LIKE with nothing inserted is empty; so is a table created in the same schema it is altered in.
CREATE TABLE audit_like LIKE audit_source;
ALTER TABLE audit_like MODIFY COLUMN v BIGINT;
CREATE TABLE app.audit_same (id INT PRIMARY KEY, v INT);
ALTER TABLE app.audit_same MODIFY COLUMN v BIGINT;
-- Rows inserted into another table do not count.
CREATE TABLE audit_empty (id INT PRIMARY KEY, v INT);
INSERT INTO audit_other (id) VALUES (1);
ALTER TABLE audit_empty MODIFY COLUMN v BIGINT;
