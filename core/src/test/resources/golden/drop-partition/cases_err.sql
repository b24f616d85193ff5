-- @expect drop-partition
ALTER TABLE events DROP PARTITION p2020;
-- @expect drop-partition
ALTER TABLE events TRUNCATE PARTITION p2021;
