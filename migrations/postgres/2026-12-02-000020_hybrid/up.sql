-- A room for in-person and hybrid sessions: the venue, the languages
-- interpreted into, and for a hybrid session the room's own capacity and
-- seats taken (the session's `capacity` and `seats_taken` are then the
-- online places). One row per session that has a venue.
CREATE TABLE session_venues (
    session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    in_person_capacity INTEGER,
    room_seats_taken INTEGER NOT NULL DEFAULT 0,
    venue_name TEXT NOT NULL DEFAULT '',
    venue_address TEXT NOT NULL DEFAULT '',
    venue_city TEXT NOT NULL DEFAULT '',
    -- Language tags, comma-separated, besides the session's language.
    interpretation TEXT NOT NULL DEFAULT ''
);

-- How a registrant of a hybrid session comes (`in_person` or `online`),
-- the interpretation they need (a tag, or empty), and whether they hold an
-- online place while waiting for a seat in the room.
ALTER TABLE registrations ADD COLUMN attendance_mode TEXT NOT NULL DEFAULT 'online';
ALTER TABLE registrations ADD COLUMN interpretation TEXT NOT NULL DEFAULT '';
ALTER TABLE registrations ADD COLUMN wants_room BOOLEAN NOT NULL DEFAULT FALSE;
