ALTER TABLE registrations DROP COLUMN reminder_second_sent_at;
ALTER TABLE registrations DROP COLUMN reminder_first_sent_at;
ALTER TABLE registrations DROP COLUMN calendar_bump;
DROP TABLE outbox;
