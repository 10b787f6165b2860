-- Rises with every change to regions, countries' zones or topics, in the
-- change's own transaction: each instance keeps the reference data in
-- memory and reloads it when this number moves, so an edit made through one
-- instance reaches the others within seconds instead of at their restart.
CREATE TABLE reference_generation (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO reference_generation (id, value) VALUES (1, 1);
