ALTER TABLE registrations DROP COLUMN attendance;
