-- @expect partition-operation
ALTER TABLE events PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (1000), PARTITION p1 VALUES LESS THAN MAXVALUE);
-- @expect partition-operation
ALTER TABLE events DROP PARTITION p0;
-- @expect partition-operation
ALTER TABLE events TRUNCATE PARTITION p1;
-- @expect partition-operation
ALTER TABLE events ADD PARTITION (PARTITION p2 VALUES LESS THAN (3000));
-- @expect partition-operation
ALTER TABLE events REMOVE PARTITIONING;
-- HASH/KEY partitions: ADD PARTITION without VALUES (JSqlParser 5.4 reads it as a column named PARTITION).
-- @expect partition-operation
ALTER TABLE events ADD PARTITION PARTITIONS 2;
-- @expect partition-operation
ALTER TABLE events COALESCE PARTITION 2;
