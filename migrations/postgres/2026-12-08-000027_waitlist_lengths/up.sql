-- The length of each session's waiting list, kept by the database itself
-- on every insert, status change and delete of a registration, so that a
-- new entry learns its place in the queue without counting the queue
-- (db::registrations::waitlist_position). Triggers rather than code:
-- no path that moves a registration can forget it. Every writer of a
-- session's registrations holds the session's row lock, so the one row
-- per session adds no wait of its own.
CREATE TABLE waitlist_lengths (
    session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    waitlisted INTEGER NOT NULL
);
INSERT INTO waitlist_lengths (session_id, waitlisted)
    SELECT session_id, COUNT(*) FROM registrations WHERE status = 'waitlisted' GROUP BY session_id;

CREATE FUNCTION waitlist_lengths_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'waitlisted'
       AND (TG_OP = 'DELETE' OR NEW.status <> 'waitlisted' OR NEW.session_id <> OLD.session_id) THEN
        UPDATE waitlist_lengths SET waitlisted = waitlisted - 1 WHERE session_id = OLD.session_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'waitlisted'
       AND (TG_OP = 'INSERT' OR OLD.status <> 'waitlisted' OR NEW.session_id <> OLD.session_id) THEN
        INSERT INTO waitlist_lengths (session_id, waitlisted) VALUES (NEW.session_id, 1)
            ON CONFLICT (session_id) DO UPDATE SET waitlisted = waitlist_lengths.waitlisted + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER waitlist_lengths_keep AFTER INSERT OR DELETE OR UPDATE OF status, session_id ON registrations
    FOR EACH ROW EXECUTE FUNCTION waitlist_lengths_keep();
