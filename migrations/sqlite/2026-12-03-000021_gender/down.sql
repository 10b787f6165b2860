ALTER TABLE registrations DROP COLUMN gender;
DROP TABLE network_settings;
