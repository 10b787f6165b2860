ALTER TABLE registrations DROP COLUMN nominated_by;
ALTER TABLE registrations DROP COLUMN note;
ALTER TABLE registrations DROP COLUMN role;
ALTER TABLE sessions DROP COLUMN nominations_close_at;
ALTER TABLE sessions DROP COLUMN participation;
