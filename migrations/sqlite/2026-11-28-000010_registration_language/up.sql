-- The language a participant registered in: their emails and invites are written in it.
ALTER TABLE registrations ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
