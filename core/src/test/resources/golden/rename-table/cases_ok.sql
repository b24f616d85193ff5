-- A table created in this file: no code uses it yet (info only).
CREATE TABLE staging (id BIGINT PRIMARY KEY);
RENAME TABLE staging TO staging_v2;
