UPDATE users SET locale = 'en' WHERE id BETWEEN 1 AND 1000;
UPDATE users u JOIN accounts a ON a.user_id = u.id SET u.plan = a.plan;
UPDATE users SET locale = (SELECT code FROM locales WHERE id = 1) WHERE id = 5;
