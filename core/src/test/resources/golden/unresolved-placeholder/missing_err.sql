-- @expect unresolved-placeholder line 2
ALTER TABLE ${schema}.t ADD COLUMN a INT;
