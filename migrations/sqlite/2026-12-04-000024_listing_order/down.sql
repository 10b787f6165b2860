DROP INDEX sessions_starts_at_id;
