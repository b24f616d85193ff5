-- Flyway migration: add a status column, only if it is missing.
-- Runs against ${flyway:defaultSchema}; the procedure is sent without a DELIMITER change.

DROP PROCEDURE IF EXISTS add_status_if_missing;

CREATE PROCEDURE add_status_if_missing()
BEGIN
    IF NOT EXISTS (
        SELECT * FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = '${schema}' AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status'
    ) THEN
        ALTER TABLE `${schema}`.`orders`
            ADD COLUMN `status` ENUM('new', 'paid', 'shipped') NOT NULL DEFAULT 'new',
            ALGORITHM=INSTANT;
    END IF;
END;

CALL add_status_if_missing();
DROP PROCEDURE add_status_if_missing;

ALTER TABLE `${schema}`.`orders` ADD INDEX `idx_status` (`status`), ALGORITHM=INPLACE, LOCK=NONE;
