//! Reminders before a session starts, queued through the outbox.

use crate::db::registrations as store;
use crate::db::sessions as session_store;
use crate::db::{DbConn, write_transaction};
use crate::mail::Composer;
use anyhow::Context;
use chrono::{Duration, NaiveDateTime};

/// Queues the reminders that have come due: `hours.0` and `hours.1` before
/// the start, once each per confirmed registration, and only to people who
/// registered before the reminder's time (a newcomer just got their
/// confirmation). Each in its own transaction with its mark, so a reminder
/// is queued once however often this runs. Returns how many were queued.
pub fn queue(conn: &mut DbConn, composer: &Composer, hours: (i64, i64), now: NaiveDateTime) -> anyhow::Result<usize> {
    let mut queued = 0;
    for (slot, h) in [(1u8, hours.0), (2, hours.1)] {
        if h <= 0 {
            continue;
        }
        let due = store::reminder_candidates(conn, slot, now, now + Duration::hours(h))
            .context("cannot read the reminders that are due")?;
        for (registration_id, session_id) in due {
            let sent = write_transaction(conn, |conn| {
                let (Some(session), Some(r)) =
                    (session_store::find(conn, session_id)?, store::find(conn, registration_id)?)
                else {
                    return Ok(false);
                };
                let already = if slot == 1 { r.reminder_first_sent_at } else { r.reminder_second_sent_at };
                if already.is_some() {
                    return Ok(false);
                }
                // The first is skipped when the second is as near already.
                let first_is_due = slot == 1 && session.row.starts_at - now > Duration::hours(hours.1.max(0));
                let registered_before = r.created_at <= session.row.starts_at - Duration::hours(h);
                let send = (slot == 2 || first_is_due) && registered_before;
                // Marked first, and only if unmarked: of two instances that
                // read it unmarked, one marks it and sends. Marked either
                // way: a reminder that was not due is not owed later.
                if !store::mark_reminder(conn, registration_id, slot, now)? {
                    return Ok(false);
                }
                if send {
                    composer.reminder(conn, &session, &r, h)?;
                }
                Ok::<_, crate::db::notify::NotifyError>(send)
            })
            .with_context(|| format!("reminder for registration {registration_id} not queued"))?;
            queued += usize::from(sent);
        }
    }
    Ok(queued)
}
