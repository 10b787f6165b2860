-- After nominations close, a session with `quota_release` lets its open
-- places go to the waiting list whatever the country.
ALTER TABLE sessions ADD COLUMN quota_release BOOLEAN NOT NULL DEFAULT FALSE;
