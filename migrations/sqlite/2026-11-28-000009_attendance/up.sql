-- Marked by organisers after the session: attended or no_show (NULL: not marked).
ALTER TABLE registrations ADD COLUMN attendance TEXT;
