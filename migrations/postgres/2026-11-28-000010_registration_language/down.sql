ALTER TABLE registrations DROP COLUMN language;
