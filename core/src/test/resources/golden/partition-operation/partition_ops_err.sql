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
