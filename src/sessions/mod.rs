//! Creating and changing sessions: a change is checked whole against the
//! session as it stands (`domain::session::check_update`), the calendar
//! sequence rises when what a calendar shows changes, and registrants are
//! told in the same transaction (see `db::notify`).

pub mod calendar;
pub mod feedback;
pub mod materials;
pub mod series;

use crate::db::ids::SessionId;
use crate::db::notify::{Change, Notifier, NotifyError};
use crate::db::reference::Reference;
use crate::db::sessions::{self as store, Session};
use crate::db::{self, DbConn, audit, registrations, write_transaction};
use crate::domain::fields::FieldErrors;
use crate::domain::message::Message;
use crate::domain::scope::Scope;
use crate::domain::session::{SessionFields, SessionInput, SessionStatus, Standing, check_update};
use crate::registrations::RegistrationError;
use serde_json::{Value, json};

/// Why a change to a session did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("not found")]
    NotFound,
    #[error("some fields are not valid")]
    Invalid(FieldErrors),
    /// The session's state does not allow it: cancelled, has registrants.
    #[error("{0}")]
    Conflict(Message),
    /// Outside what the person may change.
    #[error("{0}")]
    Refused(Message),
    #[error(transparent)]
    Storage(#[from] diesel::result::Error),
    #[error("{0:#}")]
    Internal(anyhow::Error),
}

impl From<NotifyError> for SessionError {
    fn from(e: NotifyError) -> Self {
        match e {
            NotifyError::Storage(e) => Self::Storage(e),
            NotifyError::Compose(e) => Self::Internal(e),
        }
    }
}

impl From<RegistrationError> for SessionError {
    fn from(e: RegistrationError) -> Self {
        match e {
            RegistrationError::NotFound => Self::NotFound,
            RegistrationError::Invalid(f) => Self::Invalid(f),
            RegistrationError::Refused(m) => Self::Refused(m),
            RegistrationError::Conflict(m) => Self::Conflict(m),
            RegistrationError::Storage(e) => Self::Storage(e),
            RegistrationError::Internal(e) => Self::Internal(e),
        }
    }
}

/// Who makes a change: their name in the audit log, and the sessions they
/// may change (checked under the session's lock, before and after).
pub struct Actor {
    pub name: String,
    pub scope: Scope,
}

impl Actor {
    /// Start-up and the CLI: everything.
    pub fn system(name: &str) -> Self {
        Actor { name: name.to_string(), scope: Scope::All }
    }

    pub(crate) fn may_change(&self, organising_region: Option<i32>) -> Result<(), SessionError> {
        if self.scope.allows(organising_region) {
            Ok(())
        } else {
            Err(SessionError::Refused(Message::id("not-your-region")))
        }
    }
}

pub fn create(
    conn: &mut DbConn,
    reference: &Reference,
    input: &SessionInput,
    is_demo: bool,
    by: &Actor,
) -> Result<Session, SessionError> {
    let links = store::links(reference, input).map_err(SessionError::Invalid)?;
    by.may_change(links.organising_region_id())?;
    let now = db::now();
    let id =
        write_transaction(conn, |conn| store::insert(conn, reference, input, &links, is_demo, None, &by.name, now))?;
    store::find(conn, id)?.ok_or(SessionError::NotFound)
}

/// Applies a partial change. The patch is laid over the session's current
/// fields and the whole is checked again, so a patch can never leave a
/// session that a create would have refused.
pub fn update(
    conn: &mut DbConn,
    reference: &Reference,
    id: SessionId,
    patch: &SessionFields,
    notifier: &dyn Notifier,
    by: &Actor,
) -> Result<(Session, Vec<String>), SessionError> {
    write_transaction(conn, |conn| update_in(conn, reference, id, patch, notifier, by))
}

/// [`update`] inside the caller's write transaction, so several sessions
/// (a series) change together or not at all.
pub fn update_in(
    conn: &mut DbConn,
    reference: &Reference,
    id: SessionId,
    patch: &SessionFields,
    notifier: &dyn Notifier,
    by: &Actor,
) -> Result<(Session, Vec<String>), SessionError> {
    let current = locked(conn, id)?;
    by.may_change(current.row.organising_region_id)?;
    if current.status() == SessionStatus::Cancelled {
        return Err(SessionError::Conflict(Message::id("err-cancelled-unchangeable")));
    }
    // A new zone without new times keeps the wall times: organisers
    // think "16:00 in Manila", not "08:00 UTC".
    let merged = current.fields(reference).overlay(patch.clone());
    let input = SessionInput::try_from(&merged).map_err(SessionError::Invalid)?;
    let links = store::links(reference, &input).map_err(SessionError::Invalid)?;
    // Nor may a change hand the session to a region outside the scope.
    by.may_change(links.organising_region_id())?;
    let standing = Standing {
        status: current.status(),
        seats_taken: current.row.seats_taken,
        room_taken: current.room().1,
        has_registrants: !registrations::active(conn, id)?.is_empty(),
        held: crate::domain::session::has_ended(current.ends_at(), chrono::Utc::now())
            .then(|| (current.starts_at(), current.ends_at())),
    };
    check_update(standing, &input).map_err(SessionError::Invalid)?;
    let calendar_change = input.calendar_facts() != current.calendar_facts();
    store::apply(conn, id, &input, &links, current.row.sequence + i32::from(calendar_change))?;
    let session = store::find(conn, id)?.ok_or(SessionError::NotFound)?;
    let before = current.audit_value(reference);
    let after = session.audit_value(reference);
    if audit::difference(&before, &after).as_object().is_some_and(|c| !c.is_empty()) {
        audit::record(conn, &by.name, "session.update", Some(id), None, &before, &after)?;
    }
    if calendar_change && session.status() == SessionStatus::Published {
        let was = (current.starts_at(), current.ends_at());
        let moved = was != (session.starts_at(), session.ends_at());
        notifier.notify(conn, &session, Change::SessionChanged { was: moved.then_some(was) })?;
    }
    // More seats (or none limited any more) move the waiting list up.
    crate::registrations::promote(conn, id, notifier)?;
    let session = store::find(conn, id)?.ok_or(SessionError::NotFound)?;
    Ok((session, input.notes))
}

/// Cancels a session; cancelling twice changes nothing the second time.
pub fn cancel(
    conn: &mut DbConn,
    id: SessionId,
    reason: Option<&str>,
    notifier: &dyn Notifier,
    by: &Actor,
) -> Result<Session, SessionError> {
    write_transaction(conn, |conn| {
        let current = locked(conn, id)?;
        by.may_change(current.row.organising_region_id)?;
        if current.status() != SessionStatus::Cancelled
            && crate::domain::session::has_ended(current.ends_at(), chrono::Utc::now())
        {
            return Err(SessionError::Conflict(crate::domain::message::Message::id("err-held-cancel")));
        }
        if current.status() != SessionStatus::Cancelled {
            store::mark_cancelled(conn, id, current.row.sequence + 1)?;
            let session = store::find(conn, id)?.ok_or(SessionError::NotFound)?;
            audit::record(
                conn,
                &by.name,
                "session.cancel",
                Some(id),
                None,
                &json!({"status": current.row.status}),
                &json!({"status": session.row.status, "reason": reason}),
            )?;
            notifier.notify(conn, &session, Change::SessionCancelled { reason })?;
        }
        store::find(conn, id)?.ok_or(SessionError::NotFound)
    })
}

/// Deletes a draft nobody has registered for (anything else is cancelled
/// instead, so people and calendars are told).
/// Deletes an empty draft; returns its materials' stored file names, for
/// the caller to remove once this committed.
pub fn delete_draft(
    conn: &mut DbConn,
    reference: &Reference,
    id: SessionId,
    by: &Actor,
) -> Result<Vec<String>, SessionError> {
    write_transaction(conn, |conn| {
        let current = locked(conn, id)?;
        by.may_change(current.row.organising_region_id)?;
        if current.status() != SessionStatus::Draft || store::registration_count(conn, id)? > 0 {
            return Err(SessionError::Conflict(Message::id("only-empty-draft-deleted")));
        }
        audit::record(conn, &by.name, "session.delete", None, None, &current.audit_value(reference), &Value::Null)?;
        let files = crate::db::materials::stored_names(conn, id)?;
        store::delete(conn, id)?;
        Ok(files)
    })
}

/// The session with its lock taken, inside a write transaction.
pub(crate) fn locked(conn: &mut DbConn, id: SessionId) -> Result<Session, SessionError> {
    if !store::lock(conn, id)? {
        return Err(SessionError::NotFound);
    }
    store::find(conn, id)?.ok_or(SessionError::NotFound)
}
