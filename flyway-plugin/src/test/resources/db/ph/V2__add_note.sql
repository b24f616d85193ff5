ALTER TABLE ${flyway:defaultSchema}.${table} ADD COLUMN note VARCHAR(20) NULL;
