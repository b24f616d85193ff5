-- Dropping and adding the primary key in one statement rebuilds in place with LOCK=NONE.
ALTER TABLE sessions DROP PRIMARY KEY, ADD PRIMARY KEY (id, user_id);
