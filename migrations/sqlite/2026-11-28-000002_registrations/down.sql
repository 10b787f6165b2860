DROP TABLE server_secrets;
DROP TABLE registrations;
ALTER TABLE sessions DROP COLUMN questions;
