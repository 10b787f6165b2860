-- Foundation schema (SQLite). The PostgreSQL set describes the same schema;
-- timestamps are UTC instants stored without zone (the zone a session was
-- planned in is its own column).
CREATE TABLE regions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    secretariat_city TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE countries (
    iso2 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    status TEXT NOT NULL
);

CREATE TABLE country_regions (
    country_iso2 TEXT NOT NULL REFERENCES countries (iso2) ON DELETE CASCADE,
    region_id INTEGER NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
    PRIMARY KEY (country_iso2, region_id)
);

CREATE TABLE country_time_zones (
    country_iso2 TEXT NOT NULL REFERENCES countries (iso2) ON DELETE CASCADE,
    time_zone TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (country_iso2, time_zone)
);

CREATE TABLE topics (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    kind TEXT NOT NULL,
    format TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    capacity INTEGER,
    waitlist BOOLEAN NOT NULL,
    seats_taken INTEGER NOT NULL DEFAULT 0,
    language TEXT NOT NULL,
    requires_approval BOOLEAN NOT NULL,
    registration_opens_at TIMESTAMP,
    registration_closes_at TIMESTAMP,
    location TEXT NOT NULL,
    join_url TEXT NOT NULL,
    status TEXT NOT NULL,
    sequence INTEGER NOT NULL DEFAULT 0,
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (capacity IS NULL OR capacity >= 0),
    CHECK (seats_taken >= 0)
);
CREATE INDEX sessions_status_starts_at ON sessions (status, starts_at);

CREATE TABLE session_regions (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    region_id INTEGER NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, region_id)
);

CREATE TABLE session_countries (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    country_iso2 TEXT NOT NULL REFERENCES countries (iso2) ON DELETE CASCADE,
    PRIMARY KEY (session_id, country_iso2)
);

CREATE TABLE session_topics (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, topic_id)
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
