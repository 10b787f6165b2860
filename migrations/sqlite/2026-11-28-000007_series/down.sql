DROP INDEX sessions_series;
ALTER TABLE sessions DROP COLUMN series_id;
DROP TABLE series;
