-- When an in-person registrant was checked in at the door (first scan).
ALTER TABLE registrations ADD COLUMN checked_in_at TIMESTAMP;
-- A code to show as a QR image inside the email's HTML (an in-person
-- registrant's check-in code): the PNG is made when the email is sent.
ALTER TABLE outbox ADD COLUMN qr_text TEXT NOT NULL DEFAULT '';
