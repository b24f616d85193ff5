-- @expect rename-table
RENAME TABLE orders TO purchases;
-- @expect rename-table
ALTER TABLE invoices RENAME TO bills;
