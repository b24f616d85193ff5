-- @expect non-innodb-engine
CREATE TABLE nopk (name VARCHAR(40), value INT) ENGINE=MyISAM;
-- @expect non-innodb-engine
ALTER TABLE cache ENGINE=MEMORY;
