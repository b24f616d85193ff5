-- @target mysql:8.4
-- The column's earlier definition is unknown here: ddl-lint assumes a type change.
-- @expect column-type-change
ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL;
