-- Bumped after every committed write to sessions or registrations, so the
-- cached feeds can tell cheaply whether they are still current.
CREATE TABLE change_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 1);
