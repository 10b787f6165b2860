ALTER TABLE sessions DROP COLUMN quota_release;
