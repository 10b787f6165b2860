-- Settings of the whole network, changed by admins (`ask_gender`: "on"
-- when registration forms ask for a self-declared gender).
CREATE TABLE network_settings (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- A self-declared gender (female, male, another, prefer-not-to-say), or
-- empty when not given; only totals of it leave the system.
ALTER TABLE registrations ADD COLUMN gender TEXT NOT NULL DEFAULT '';
