-- Keyword search on the home page: a session's title and summary folded
-- (lower case, no accents: domain::search::fold), written with every
-- session write; rows that exist are filled in by db::migrate at once.
ALTER TABLE sessions ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
