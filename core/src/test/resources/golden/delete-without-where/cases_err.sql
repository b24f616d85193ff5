-- @expect delete-without-where
DELETE FROM sessions;
-- @expect delete-without-where
DELETE LOW_PRIORITY FROM app.audit_log ORDER BY id;
