-- @expect primary-key-drop
ALTER TABLE sessions DROP PRIMARY KEY;
