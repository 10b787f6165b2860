-- A series' occurrences are instances of one recurring calendar event
-- for those who registered for the whole series. `recurrence_at` is an
-- occurrence's start as the series first set it (its RECURRENCE-ID),
-- which stays when the occurrence is moved; earlier series are taken to
-- be where they were created. `series_invite` marks a registration made
-- for the whole series: its calendar messages speak of the series' event.
ALTER TABLE sessions ADD COLUMN recurrence_at TIMESTAMP;
UPDATE sessions SET recurrence_at = starts_at WHERE series_id IS NOT NULL;
ALTER TABLE registrations ADD COLUMN series_invite BOOLEAN NOT NULL DEFAULT 0;
