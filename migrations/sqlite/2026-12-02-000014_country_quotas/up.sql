-- Places per country: `country_quota` for every country (null: none), and
-- `session_quotas` for named countries, which overrides it (the host's
-- larger delegation). A quota holds like capacity, under the session's lock.
ALTER TABLE sessions ADD COLUMN country_quota INTEGER;
CREATE TABLE session_quotas (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    country_iso2 TEXT NOT NULL REFERENCES countries (iso2),
    places INTEGER NOT NULL CHECK (places >= 0),
    PRIMARY KEY (session_id, country_iso2)
);
