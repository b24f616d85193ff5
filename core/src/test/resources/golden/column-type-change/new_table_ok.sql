-- A table created earlier in the same file holds no rows: reported as info, not as an error.
CREATE TABLE audit (id INT PRIMARY KEY, v INT);
ALTER TABLE audit MODIFY COLUMN v BIGINT;
