-- The length of each session's waiting list, kept by the database itself
-- on every insert, status change and delete of a registration, so that a
-- new entry learns its place in the queue without counting the queue
-- (db::registrations::waitlist_position). Triggers rather than code:
-- no path that moves a registration can forget it.
CREATE TABLE waitlist_lengths (
    session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    waitlisted INTEGER NOT NULL
);
INSERT INTO waitlist_lengths (session_id, waitlisted)
    SELECT session_id, COUNT(*) FROM registrations WHERE status = 'waitlisted' GROUP BY session_id;

CREATE TRIGGER waitlist_lengths_insert AFTER INSERT ON registrations
WHEN NEW.status = 'waitlisted'
BEGIN
    INSERT INTO waitlist_lengths (session_id, waitlisted) VALUES (NEW.session_id, 1)
        ON CONFLICT (session_id) DO UPDATE SET waitlisted = waitlisted + 1;
END;

CREATE TRIGGER waitlist_lengths_delete AFTER DELETE ON registrations
WHEN OLD.status = 'waitlisted'
BEGIN
    UPDATE waitlist_lengths SET waitlisted = waitlisted - 1 WHERE session_id = OLD.session_id;
END;

CREATE TRIGGER waitlist_lengths_leave AFTER UPDATE OF status, session_id ON registrations
WHEN OLD.status = 'waitlisted' AND (NEW.status != 'waitlisted' OR NEW.session_id != OLD.session_id)
BEGIN
    UPDATE waitlist_lengths SET waitlisted = waitlisted - 1 WHERE session_id = OLD.session_id;
END;

CREATE TRIGGER waitlist_lengths_join AFTER UPDATE OF status, session_id ON registrations
WHEN NEW.status = 'waitlisted' AND (OLD.status != 'waitlisted' OR NEW.session_id != OLD.session_id)
BEGIN
    INSERT INTO waitlist_lengths (session_id, waitlisted) VALUES (NEW.session_id, 1)
        ON CONFLICT (session_id) DO UPDATE SET waitlisted = waitlisted + 1;
END;
