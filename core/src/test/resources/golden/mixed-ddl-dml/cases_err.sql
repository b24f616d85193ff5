ALTER TABLE users ADD COLUMN locale VARCHAR(16) NULL;
-- @expect mixed-ddl-dml
UPDATE users SET locale = 'en' WHERE id = 1;
-- Reported once per file.
INSERT INTO settings (name, value) VALUES ('locale', 'en');
