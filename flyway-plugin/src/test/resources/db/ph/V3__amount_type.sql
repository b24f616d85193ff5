-- safe or not depends on the placeholder: INT keeps the type, BIGINT changes it (a table copy)
ALTER TABLE ${table} MODIFY COLUMN amount ${amountType} NOT NULL;
