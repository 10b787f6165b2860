-- A recurring series: its occurrences are ordinary sessions pointing here.
CREATE TABLE series (
    id SERIAL PRIMARY KEY,
    title TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    repeat TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
ALTER TABLE sessions ADD COLUMN series_id INTEGER REFERENCES series (id);
CREATE INDEX sessions_series ON sessions (series_id);
