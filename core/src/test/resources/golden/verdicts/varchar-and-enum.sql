-- VARCHAR extension depends on the length prefix: 1 byte up to 255 bytes, 2 bytes beyond.
CREATE TABLE l (
  id INT PRIMARY KEY,
  v_latin VARCHAR(100) CHARACTER SET latin1,
  v_latin_big VARCHAR(300) CHARACTER SET latin1,
  v_utf VARCHAR(20),
  v_utf_mid VARCHAR(40),
  st ENUM('x', 'y'),
  flags SET('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h')
) DEFAULT CHARSET=utf8mb4;

-- latin1 100 -> 255 characters: still 1-byte prefix.
-- @verdict mysql:8.4 INPLACE NONE
-- @verdict mariadb:10.11 INSTANT NONE
ALTER TABLE l MODIFY COLUMN v_latin VARCHAR(255) CHARACTER SET latin1;

-- latin1 255 -> 256 crosses the boundary: MySQL copies.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE l MODIFY COLUMN v_latin VARCHAR(256) CHARACTER SET latin1;

-- latin1 300 -> 400: both 2-byte prefixes.
-- @verdict mysql:8.4 INPLACE NONE
ALTER TABLE l MODIFY COLUMN v_latin_big VARCHAR(400) CHARACTER SET latin1;

-- utf8mb4 20 -> 50 characters (80 -> 200 bytes): in place on MySQL, instant on MariaDB.
-- @verdict mysql:8.4 INPLACE NONE
-- @verdict mariadb:10.11 INSTANT NONE
ALTER TABLE l MODIFY COLUMN v_utf VARCHAR(50);

-- utf8mb4 50 -> 300 characters (200 -> 1200 bytes): MySQL copies, MariaDB is instant from at most 127 bytes only.
-- @verdict mysql:8.4 COPY SHARED
-- @verdict mariadb:10.11 COPY SHARED
ALTER TABLE l MODIFY COLUMN v_utf VARCHAR(300);

-- utf8mb4 40 -> 300 characters (160 bytes -> 1200): MariaDB is not instant from above 127 bytes.
-- @verdict mariadb:10.11 COPY SHARED
ALTER TABLE l MODIFY COLUMN v_utf_mid VARCHAR(300);

-- Shrinking copies.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE l MODIFY COLUMN v_latin_big VARCHAR(10) CHARACTER SET latin1;

-- Appending an ENUM member is instant; reordering copies.
-- @verdict mysql:8.4 INSTANT NONE
-- @verdict mysql:5.7 INPLACE NONE
ALTER TABLE l MODIFY COLUMN st ENUM('x', 'y', 'z');
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE l MODIFY COLUMN st ENUM('y', 'x', 'z');

-- A 9th SET member needs a second byte: copies.
-- @verdict mysql:8.4 COPY SHARED
ALTER TABLE l MODIFY COLUMN flags SET('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i');
