-- Minutes present, for online attendance taken from a meeting's report
-- or given with the API; null when not known.
ALTER TABLE registrations ADD COLUMN attended_minutes INTEGER;
