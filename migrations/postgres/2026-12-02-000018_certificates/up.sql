-- Certificates of attendance. Each has a number per year (never reused:
-- the counter only goes up, and a reissue keeps its number) and a random
-- code that its verification page is reached by; the holder's name,
-- organisation and country as printed, so that a later correction is a
-- reissue with its date.
CREATE TABLE certificates (
    id SERIAL PRIMARY KEY,
    registration_id INTEGER NOT NULL UNIQUE REFERENCES registrations (id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    country_iso2 TEXT NOT NULL,
    issued_at TIMESTAMP NOT NULL,
    reissued_at TIMESTAMP,
    revoked_at TIMESTAMP,
    -- Null until its email (with the PDF) is queued.
    emailed_at TIMESTAMP,
    UNIQUE (year, number)
);
CREATE INDEX certificates_session ON certificates (session_id);

CREATE TABLE certificate_counters (
    year INTEGER PRIMARY KEY NOT NULL,
    last INTEGER NOT NULL
);

-- An email may carry one file besides its invite (a certificate's PDF).
ALTER TABLE outbox ADD COLUMN attachment_name TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN attachment_type TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN attachment BYTEA;
