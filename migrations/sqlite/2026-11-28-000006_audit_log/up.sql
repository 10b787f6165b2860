-- Every change organisers make (API or workspace): who, when, what, and
-- the state before and after as JSON.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    session_id INTEGER,
    registration_id INTEGER,
    before TEXT NOT NULL,
    after TEXT NOT NULL
);
CREATE INDEX audit_log_session ON audit_log (session_id, id);
