-- Organisers are scoped to regions; a session belongs to the region that
-- organises it. Accounts can be disabled without losing their history.
CREATE TABLE user_regions (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    region_id INTEGER NOT NULL REFERENCES regions (id),
    PRIMARY KEY (user_id, region_id)
);
ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE sessions ADD COLUMN organising_region_id INTEGER REFERENCES regions (id);
CREATE INDEX sessions_organising_region ON sessions (organising_region_id);
