DROP TRIGGER waitlist_lengths_join;
DROP TRIGGER waitlist_lengths_leave;
DROP TRIGGER waitlist_lengths_delete;
DROP TRIGGER waitlist_lengths_insert;
DROP TABLE waitlist_lengths;
