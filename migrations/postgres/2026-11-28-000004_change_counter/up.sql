-- Bumped after every committed write to sessions or registrations, so each
-- instance can tell cheaply whether its cached feeds are still current. A
-- sequence: nextval takes no row lock and needs no transaction of its own.
CREATE SEQUENCE change_counter;
