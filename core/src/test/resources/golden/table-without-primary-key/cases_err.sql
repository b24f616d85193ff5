-- @expect table-without-primary-key
CREATE TABLE nopk (name VARCHAR(40), value INT) ENGINE=MyISAM;
-- A UNIQUE index over a nullable column is no clustered key.
-- @expect table-without-primary-key
CREATE TABLE tags (name VARCHAR(40) NULL, UNIQUE KEY uq_name (name));
