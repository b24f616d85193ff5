-- Under maxStatementSize (1KiB for these cases): read as usual.
SET SESSION lock_wait_timeout = 5;
ALTER TABLE orders ADD COLUMN shipped_at DATETIME NULL, ALGORITHM=INSTANT;
INSERT INTO seed (id, label) VALUES (1, 'one'), (2, 'two');
