UPDATE users SET locale = 'en' WHERE id BETWEEN 1 AND 1000;
UPDATE users u JOIN accounts a ON a.user_id = u.id SET u.plan = a.plan;
UPDATE users SET locale = (SELECT code FROM locales WHERE id = 1) WHERE id = 5;
-- A trigger's statements run per row, not as a backfill.
DELIMITER //
CREATE TRIGGER events_ad AFTER DELETE ON events FOR EACH ROW BEGIN
  UPDATE monitor_status SET total = total - 1;
END//
DELIMITER ;
