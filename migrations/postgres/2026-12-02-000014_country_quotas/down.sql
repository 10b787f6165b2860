DROP TABLE session_quotas;
ALTER TABLE sessions DROP COLUMN country_quota;
