-- The email outbox: every email the service decides to send is a row here,
-- written in the same transaction as the change that causes it.
CREATE TABLE outbox (
    id SERIAL PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    registration_id INTEGER,
    recipient_email TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    reply_to TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    ics_method TEXT NOT NULL,
    ics TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    lease_until TIMESTAMP,
    last_error TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- Raised by a participant's own cancellation so that every calendar
-- message about the session to this person has a higher SEQUENCE than the
-- one before; carried over when the person registers again.
ALTER TABLE registrations ADD COLUMN calendar_bump INTEGER NOT NULL DEFAULT 0;
ALTER TABLE registrations ADD COLUMN reminder_first_sent_at TIMESTAMP;
ALTER TABLE registrations ADD COLUMN reminder_second_sent_at TIMESTAMP;
