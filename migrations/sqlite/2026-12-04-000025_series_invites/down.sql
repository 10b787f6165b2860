ALTER TABLE registrations DROP COLUMN series_invite;
ALTER TABLE sessions DROP COLUMN recurrence_at;
