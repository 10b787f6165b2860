-- A session's feedback form: its questions (the registration questions'
-- shape, as JSON), whether answers are kept apart from the people who gave
-- them, and how long after the end it goes out.
CREATE TABLE feedback_forms (
    session_id INTEGER PRIMARY KEY NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    questions TEXT NOT NULL,
    anonymous BOOLEAN NOT NULL DEFAULT TRUE,
    send_after_hours INTEGER NOT NULL DEFAULT 2,
    updated_at TIMESTAMP NOT NULL
);

-- One per person asked: the primary key makes the email go once, whichever
-- instance inserts first; the reminder and the answer are marked by
-- conditional updates for the same reason.
CREATE TABLE feedback_requests (
    registration_id INTEGER PRIMARY KEY NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    sent_at TIMESTAMP NOT NULL,
    reminded_at TIMESTAMP,
    answered_at TIMESTAMP
);
CREATE INDEX feedback_requests_by_session ON feedback_requests (session_id);

-- The answers. A random id and no time of their own, so that neither order
-- nor time joins an answer to the request it answered; the person only
-- when the form said answers are not anonymous.
CREATE TABLE feedback_answers (
    id TEXT PRIMARY KEY NOT NULL,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    registration_id INTEGER REFERENCES registrations (id) ON DELETE SET NULL,
    answers TEXT NOT NULL
);
CREATE INDEX feedback_answers_by_session ON feedback_answers (session_id);
