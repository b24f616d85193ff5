DELETE FROM sessions WHERE expires_at < '2026-01-01' LIMIT 1000;
DELETE s FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.deleted = 1;
DELETE FROM sessions WHERE id IN (SELECT id FROM expired);
