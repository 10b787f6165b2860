ALTER TABLE sessions DROP COLUMN search_text;
