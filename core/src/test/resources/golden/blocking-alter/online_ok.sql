-- The table exists already (IF NOT EXISTS: not a new, empty table), so its definition is known.
CREATE TABLE IF NOT EXISTS posts (id BIGINT NOT NULL PRIMARY KEY, author_id BIGINT, created_at DATETIME) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
ALTER TABLE posts ADD COLUMN flag TINYINT NOT NULL DEFAULT 0;
ALTER TABLE posts ADD INDEX ix_created (created_at), ALGORITHM=INPLACE, LOCK=NONE;
SET foreign_key_checks = 0;
ALTER TABLE posts ADD CONSTRAINT fk_author FOREIGN KEY (author_id) REFERENCES users (id);
SET foreign_key_checks = 1;
ALTER TABLE posts RENAME INDEX ix_created TO ix_posts_created;
