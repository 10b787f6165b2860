ALTER TABLE api_tokens DROP COLUMN user_id;
DROP TABLE user_countries;
