DROP INDEX sessions_organising_region;
ALTER TABLE sessions DROP COLUMN organising_region_id;
ALTER TABLE users DROP COLUMN disabled;
DROP TABLE user_regions;
