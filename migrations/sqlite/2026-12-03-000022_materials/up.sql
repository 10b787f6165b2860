-- What organisers share about a session: a link (a recording, slides on a
-- shared drive) or a file kept under CONVENE_FILES_DIR by a random name,
-- each for everyone (public) or only for its registrants.
CREATE TABLE session_materials (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    -- A link's address; empty for a file.
    url TEXT NOT NULL DEFAULT '',
    -- The file's random name in the files folder; empty for a link.
    stored_name TEXT NOT NULL DEFAULT '',
    -- The uploaded name, made safe, offered when it is downloaded.
    file_name TEXT NOT NULL DEFAULT '',
    -- What it is served as: a known type whose first bytes match, else
    -- application/octet-stream.
    content_type TEXT NOT NULL DEFAULT '',
    size_bytes BIGINT NOT NULL DEFAULT 0,
    -- public or registrants
    audience TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX session_materials_by_session ON session_materials (session_id);
