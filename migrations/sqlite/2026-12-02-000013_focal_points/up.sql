-- National Focal Points: accounts scoped to the countries they speak for.
CREATE TABLE user_countries (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    country_iso2 TEXT NOT NULL REFERENCES countries (iso2),
    PRIMARY KEY (user_id, country_iso2)
);

-- A token may belong to an account and act with its role and scope; one
-- that belongs to none has full access, as before. A disabled account's
-- tokens stop working.
ALTER TABLE api_tokens ADD COLUMN user_id INTEGER REFERENCES users (id);
