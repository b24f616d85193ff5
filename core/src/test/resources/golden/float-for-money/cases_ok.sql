ALTER TABLE orders ADD COLUMN total DECIMAL(19,4) NULL;
CREATE TABLE points (id BIGINT PRIMARY KEY, latitude DOUBLE, longitude DOUBLE, totally_custom_score FLOAT);
