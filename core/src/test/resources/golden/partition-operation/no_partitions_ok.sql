-- Creating a partitioned table is not an ALTER.
CREATE TABLE events (id INT NOT NULL, PRIMARY KEY (id)) PARTITION BY HASH (id) PARTITIONS 4;
ALTER TABLE events_other ADD COLUMN note VARCHAR(20);
