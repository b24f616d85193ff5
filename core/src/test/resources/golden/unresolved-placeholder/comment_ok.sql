-- Placeholders inside comments are ignored: ${not_a_placeholder}
ALTER TABLE t ADD COLUMN a INT;
