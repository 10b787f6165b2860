ALTER TABLE registrations DROP COLUMN attended_minutes;
