UPDATE users SET locale = 'en' WHERE locale IS NULL LIMIT 1000;
UPDATE users SET locale = 'en' WHERE id = 5;
DELETE FROM events WHERE id IN (1, 2, 3);
INSERT INTO settings (name, value) VALUES ('a', 'b');
