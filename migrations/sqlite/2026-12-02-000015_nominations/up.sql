-- Participation through National Focal Points. A session is `open` (people
-- register themselves) or `nomination` (focal points, organisers and admins
-- add people, who then accept or decline); nominations close at
-- `nominations_close_at` (UTC), when unanswered ones lapse.
ALTER TABLE sessions ADD COLUMN participation TEXT NOT NULL DEFAULT 'open';
ALTER TABLE sessions ADD COLUMN nominations_close_at TIMESTAMP;

-- What a registrant comes as, the nominating focal point's note for the
-- organisers, and who nominated them (empty for self-registrations).
ALTER TABLE registrations ADD COLUMN role TEXT NOT NULL DEFAULT 'participant';
ALTER TABLE registrations ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE registrations ADD COLUMN nominated_by TEXT NOT NULL DEFAULT '';
