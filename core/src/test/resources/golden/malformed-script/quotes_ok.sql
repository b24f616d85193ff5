ALTER TABLE t ADD COLUMN a INT;
UPDATE t SET note = 'it''s fine; really';
