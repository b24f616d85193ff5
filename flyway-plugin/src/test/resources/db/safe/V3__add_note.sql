ALTER TABLE account ADD COLUMN note VARCHAR(20) NULL, ALGORITHM=INSTANT;
CREATE INDEX ix_account_amount ON account (amount);
