ALTER TABLE registrations DROP COLUMN wants_room;
ALTER TABLE registrations DROP COLUMN interpretation;
ALTER TABLE registrations DROP COLUMN attendance_mode;
DROP TABLE session_venues;
