DROP TRIGGER waitlist_lengths_keep ON registrations;
DROP FUNCTION waitlist_lengths_keep();
DROP TABLE waitlist_lengths;
