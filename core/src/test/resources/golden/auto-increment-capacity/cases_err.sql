-- @expect auto-increment-capacity
CREATE TABLE events (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40));
-- @expect auto-increment-capacity
CREATE TABLE tiny (id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY);
