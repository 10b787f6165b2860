//! Registering once for a whole series: one registration per occurrence
//! still to come that takes registrations, each under its own session's
//! lock and capacity, as a registration for that session alone would be
//! (so an occurrence's waiting list and quota hold as always). The
//! person's mistakes are told once, before anything is written; an
//! occurrence that refuses them (full without a waiting list, already
//! registered) is skipped with its reason and the others go on.

use super::{Registered, RegistrationError, register};
use crate::db::DbConn;
use crate::db::ids::{SeriesId, SessionId};
use crate::db::notify::{Change, Notifier, NotifyError};
use crate::db::reference::Reference;
use crate::db::registrations as registration_store;
use crate::db::series as series_store;
use crate::db::sessions::{self as session_store, Session};
use crate::domain::fields::FieldErrors;
use crate::domain::message::Message;
use crate::domain::registration::RegistrationInput;
use crate::domain::secret::Keys;
use crate::domain::session::SessionStatus;
use chrono::NaiveDateTime;

/// What registering for a series did.
pub struct SeriesRegistered {
    pub registered: Vec<Registered>,
    /// Occurrences that refused the person, and why.
    pub skipped: Vec<(SessionId, RegistrationError)>,
}

pub fn register_series(
    conn: &mut DbConn,
    keys: &Keys,
    reference: &Reference,
    series_id: SeriesId,
    parsed: (Option<RegistrationInput>, FieldErrors),
    now: NaiveDateTime,
    notifier: &dyn Notifier,
) -> Result<SeriesRegistered, RegistrationError> {
    let (_, sessions) = series_store::find(conn, series_id, false)?.ok_or(RegistrationError::NotFound)?;
    let open: Vec<SessionId> = sessions
        .iter()
        .filter(|s| s.status() == SessionStatus::Published && s.closed_reason(now).is_none())
        .map(|s| s.id())
        .collect();
    if open.is_empty() {
        return Err(RegistrationError::Refused(Message::id("series-none-open")));
    }
    // One transaction for the whole series (each occurrence a savepoint
    // under its own session's lock), so that the one email telling of every
    // date is queued if and only if the registrations it lists commit.
    let quiet = OneEmail(notifier);
    crate::db::write_transaction(conn, |conn| {
        let mut done = SeriesRegistered { registered: Vec::new(), skipped: Vec::new() };
        for id in open {
            match register(conn, keys, reference, id, parsed.clone(), now, &quiet) {
                Ok(r) => done.registered.push(r),
                // The same input for every occurrence: a mistake in it, or a
                // country no occurrence admits, is the whole answer.
                Err(e @ (RegistrationError::Invalid(_) | RegistrationError::Refused(_)))
                    if done.registered.is_empty() =>
                {
                    return Err(e);
                }
                Err(e @ (RegistrationError::Conflict(_) | RegistrationError::Refused(_))) => done.skipped.push((id, e)),
                Err(e) => return Err(e),
            }
        }
        if done.registered.is_empty()
            && let Some((_, first)) = done.skipped.drain(..).next()
        {
            return Err(first);
        }
        let ids: Vec<_> = done.registered.iter().map(|r| r.registration.id).collect();
        registration_store::mark_series_invites(conn, &ids)?;
        for r in &mut done.registered {
            r.registration.series_invite = true;
        }
        let taken: Vec<_> = done.registered.iter().map(|r| r.registration.clone()).collect();
        let first_id = taken.first().map(|r| r.session_id).ok_or(RegistrationError::NotFound)?;
        let first = session_store::find(conn, first_id)?.ok_or(RegistrationError::NotFound)?;
        notifier.notify(conn, &first, Change::SeriesRegistered { registrations: &taken })?;
        Ok(done)
    })
}

/// Passes every change on but each occurrence's own confirmation: the
/// series' one email says it all (a focal point's request to endorse is
/// still theirs, per occurrence).
struct OneEmail<'a>(&'a dyn Notifier);

impl Notifier for OneEmail<'_> {
    fn notify(&self, conn: &mut DbConn, session: &Session, change: Change<'_>) -> Result<(), NotifyError> {
        match change {
            Change::Registered { .. } => Ok(()),
            other => self.0.notify(conn, session, other),
        }
    }
}
