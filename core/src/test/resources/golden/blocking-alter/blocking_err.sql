-- @expect blocking-alter
ALTER TABLE posts ADD FULLTEXT INDEX ft_body (body);
-- @expect blocking-alter
ALTER TABLE posts ADD CONSTRAINT fk_author FOREIGN KEY (author_id) REFERENCES users (id);
-- @expect blocking-alter
ALTER TABLE posts ADD COLUMN seq INT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY (seq);
-- @expect blocking-alter
ALTER TABLE posts ADD INDEX ix_created (created_at), LOCK=SHARED;
-- @expect blocking-alter
ALTER TABLE posts ADD COLUMN flag TINYINT, ALGORITHM=COPY;
-- @expect blocking-alter
ALTER TABLE posts ENGINE=MyISAM;
