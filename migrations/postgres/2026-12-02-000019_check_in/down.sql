ALTER TABLE outbox DROP COLUMN qr_text;
ALTER TABLE registrations DROP COLUMN checked_in_at;
