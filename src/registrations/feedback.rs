//! Asking for feedback after a session, reminding once, and taking one
//! answer per person. Each email is queued in the transaction that records
//! it was sent (a request's primary key, a conditional update), so that two
//! instances running these jobs send each email once.

use super::RegistrationError;
use crate::db::feedback as store;
use crate::db::notify::{Change, Notifier};
use crate::db::registrations as registration_store;
use crate::db::sessions as session_store;
use crate::db::{DbConn, write_transaction};
use crate::domain::feedback::{REMINDER_DAYS, asked};
use crate::domain::fields::FieldErrors;
use crate::domain::message::Message;
use crate::domain::questions::check_answers;
use crate::domain::registration::RegistrationStatus;
use crate::domain::secret::{Keys, digest, new_secret};
use chrono::NaiveDateTime;

/// Forms looked at per round, and reminders sent per round.
const BATCH: i64 = 200;

/// Emails the form to everyone it is due for and who was not asked yet.
/// Returns how many were queued here (not by another instance).
pub fn send_due(
    conn: &mut DbConn,
    keys: &Keys,
    notifier: &dyn Notifier,
    now: NaiveDateTime,
) -> Result<usize, RegistrationError> {
    let mut queued = 0;
    for (session_id, _) in store::due_forms(conn, now, BATCH)? {
        let Some(session) = session_store::find(conn, session_id)? else { continue };
        let registrations = registration_store::for_session(conn, session_id)?;
        let flags = asked(&registrations.iter().map(|r| (r.status(), r.attendance)).collect::<Vec<_>>());
        let already: std::collections::BTreeSet<_> =
            store::requests_for(conn, session_id)?.into_iter().map(|q| q.registration_id).collect();
        for (r, ask) in registrations.iter().zip(flags) {
            if !ask || already.contains(&r.id) {
                continue;
            }
            let hash = digest(&keys.feedback_token(&r.secret_nonce));
            let sent = write_transaction(conn, |conn| {
                store::insert_request(conn, r.id, session_id, &hash, now)?;
                notifier.notify(conn, &session, Change::FeedbackRequested { registration: r, reminder: false })?;
                Ok::<_, RegistrationError>(())
            });
            match sent {
                Ok(()) => queued += 1,
                // Another instance asked them first; its email is the one.
                Err(RegistrationError::Storage(diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                ))) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(queued)
}

/// Reminds, once, those asked `REMINDER_DAYS` ago who did not answer.
pub fn remind_due(conn: &mut DbConn, notifier: &dyn Notifier, now: NaiveDateTime) -> Result<usize, RegistrationError> {
    let mut queued = 0;
    for request in store::reminders_due(conn, now - chrono::Duration::days(REMINDER_DAYS), BATCH)? {
        let sent = write_transaction(conn, |conn| {
            if !store::mark_reminded(conn, request.registration_id, now)? {
                return Ok(false);
            }
            let (Some(r), Some(session)) = (
                registration_store::find(conn, request.registration_id)?,
                session_store::find(conn, request.session_id)?,
            ) else {
                return Ok(false);
            };
            // A cancelled or erased registration is not reminded (marked all the same).
            if r.status() != RegistrationStatus::Confirmed {
                return Ok(false);
            }
            notifier.notify(conn, &session, Change::FeedbackRequested { registration: &r, reminder: true })?;
            Ok::<_, RegistrationError>(true)
        })?;
        queued += usize::from(sent);
    }
    Ok(queued)
}

/// What a feedback link opens: the session, the form and the request.
#[derive(Clone)]
pub struct Opened {
    pub session: crate::db::sessions::Session,
    pub form: crate::db::models::FeedbackFormRow,
    pub request: crate::db::models::FeedbackRequestRow,
}

/// The form a feedback link opens; NotFound for a link that is not one.
pub fn open(conn: &mut DbConn, token: &str) -> Result<Opened, RegistrationError> {
    let request = store::request_by_token_hash(conn, &digest(token))?.ok_or(RegistrationError::NotFound)?;
    let session = session_store::find(conn, request.session_id)?.ok_or(RegistrationError::NotFound)?;
    let form = store::form(conn, request.session_id)?.ok_or(RegistrationError::NotFound)?;
    Ok(Opened { session, form, request })
}

/// Takes a person's one answer: checked against the form's questions,
/// stored under a random id, joined to them only when the form is not
/// anonymous, and the request marked answered in the same transaction.
/// `opened`: what the person's link opened ([`open`]).
pub fn answer(
    conn: &mut DbConn,
    opened: &Opened,
    answers: &serde_json::Value,
    now: NaiveDateTime,
) -> Result<(), RegistrationError> {
    let mut errors = FieldErrors::default();
    let checked = check_answers(&opened.form.questions(), Some(answers), &mut errors);
    if !errors.is_empty() {
        return Err(RegistrationError::Invalid(errors));
    }
    let json = serde_json::to_string(&checked).map_err(|e| RegistrationError::Internal(e.into()))?;
    let id = new_secret("").map_err(|e| RegistrationError::Internal(anyhow::anyhow!("no randomness: {e}")))?;
    write_transaction(conn, |conn| {
        if !store::mark_answered(conn, opened.request.registration_id, now)? {
            return Err(RegistrationError::Conflict(Message::id("fb-already")));
        }
        let who = (!opened.form.anonymous).then_some(opened.request.registration_id);
        store::insert_answer(conn, &id, opened.request.session_id, who, &json)?;
        Ok(())
    })
}
