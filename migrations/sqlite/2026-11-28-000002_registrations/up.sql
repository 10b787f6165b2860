-- Registrations: one person in one session. The email is stored
-- normalised (trimmed, lower-case) so the unique index enforces one
-- registration per email per session whatever the person typed.
ALTER TABLE sessions ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';

CREATE TABLE registrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    organisation TEXT NOT NULL,
    position TEXT NOT NULL,
    country_iso2 TEXT NOT NULL REFERENCES countries (iso2),
    time_zone TEXT NOT NULL,
    status TEXT NOT NULL,
    answers TEXT NOT NULL,
    -- The manage and feed links are derived from this nonce with the
    -- server's secret key; only their digests are stored for look-up.
    secret_nonce TEXT NOT NULL,
    feed_generation INTEGER NOT NULL DEFAULT 0,
    manage_token_hash TEXT NOT NULL UNIQUE,
    feed_token_hash TEXT NOT NULL UNIQUE,
    consented_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (session_id, email)
);
CREATE INDEX registrations_session_status ON registrations (session_id, status, id);
CREATE INDEX registrations_email ON registrations (email);

-- A generated secret key, when CONVENE_SECRET_KEY is not set; shared by
-- every instance on the same database.
CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
