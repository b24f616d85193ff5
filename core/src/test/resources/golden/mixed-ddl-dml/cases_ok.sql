UPDATE users SET locale = 'en' WHERE id = 1;
INSERT INTO settings (name, value) VALUES ('locale', 'en');
SET @x = 1;
SELECT COUNT(*) FROM users;
