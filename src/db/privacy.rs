//! A participant's rights over their data: a copy of everything kept about
//! their email address, and its erasure. Erasure anonymises rather than
//! deletes, so figures by country stay right; it frees any seat held (the
//! waiting list moves up) and scrubs the emails kept in the outbox.

use super::DbConn;
use super::models::Registration;
use super::notify::Notifier;
use super::schema::{outbox, registrations};
use super::sessions as session_store;
use crate::domain::registration::RegistrationStatus;
use crate::domain::secret::{digest, new_secret};
use crate::error::AppError;
use diesel::prelude::*;
use serde_json::{Value, json};

fn all_of(conn: &mut DbConn, email: &str) -> QueryResult<Vec<Registration>> {
    registrations::table
        .filter(registrations::email.eq(email))
        .order(registrations::id)
        .select(Registration::as_select())
        .load(conn)
}

/// Everything kept about the person holding this registration's email.
pub fn export(conn: &mut DbConn, r: &Registration) -> Result<Value, AppError> {
    let mut items = Vec::new();
    for g in all_of(conn, &r.email)? {
        let session = session_store::find(conn, g.session_id)?;
        let emails: Vec<(String, String, chrono::NaiveDateTime)> = outbox::table
            .filter(outbox::registration_id.eq(g.id))
            .order(outbox::id)
            .select((outbox::subject, outbox::status, outbox::created_at))
            .load(conn)?;
        items.push(json!({
            "session": session.map(|s| json!({
                "id": s.id(),
                "title": s.row.title,
                "starts_at_utc": s.starts_at().to_rfc3339(),
                "time_zone": s.row.time_zone,
            })),
            "name": g.name,
            "email": g.email,
            "organisation": g.organisation,
            "position": g.position,
            "country": g.country_iso2,
            "time_zone": g.time_zone,
            "language": g.language,
            "status": g.status,
            "answers": serde_json::from_str::<Value>(&g.answers).unwrap_or(Value::Null),
            "consented_at": g.consented_at.and_utc().to_rfc3339(),
            "registered_at": g.created_at.and_utc().to_rfc3339(),
            "updated_at": g.updated_at.and_utc().to_rfc3339(),
            "emails": emails.iter().map(|(subject, status, at)| json!({"subject": subject, "status": status, "queued_at": at.and_utc().to_rfc3339()})).collect::<Vec<_>>(),
        }));
    }
    Ok(json!({ "email": r.email, "registrations": items }))
}

/// Erases the personal data of every registration of this email. Returns
/// how many registrations were anonymised.
pub fn erase(conn: &mut DbConn, r: &Registration, notifier: &dyn Notifier) -> Result<usize, AppError> {
    let all = all_of(conn, &r.email)?;
    // Seats first, through the ordinary cancellation (which tells the next
    // in line); the erased person gets no more email.
    for g in all.iter().filter(|g| {
        matches!(
            g.status(),
            RegistrationStatus::Confirmed | RegistrationStatus::Waitlisted | RegistrationStatus::PendingApproval
        )
    }) {
        super::registrations::cancel(conn, g.id, &Quiet { except: g.id, inner: notifier })?;
    }
    let ids: Vec<i32> = all.iter().map(|g| g.id).collect();
    super::write_transaction(conn, |conn| anonymise(conn, &ids))
}

/// Replaces the personal data of these registrations (country, status and
/// dates stay, for the figures), gives them new random secrets so old
/// links stop working, deletes their unsent emails and scrubs sent ones.
fn anonymise(conn: &mut DbConn, ids: &[i32]) -> Result<usize, AppError> {
    for id in ids {
        let gone = new_secret("").map_err(|e| AppError::Internal(anyhow::anyhow!("no randomness: {e}")))?;
        diesel::update(registrations::table.find(id))
            .set((
                registrations::name.eq("(erased)"),
                registrations::email.eq(format!("erased-{id}@invalid")),
                registrations::organisation.eq(""),
                registrations::position.eq(""),
                registrations::answers.eq("{}"),
                registrations::manage_token_hash.eq(digest(&format!("erased-m-{gone}"))),
                registrations::feed_token_hash.eq(digest(&format!("erased-f-{gone}"))),
                registrations::updated_at.eq(super::now()),
            ))
            .execute(conn)?;
        diesel::delete(
            outbox::table.filter(outbox::registration_id.eq(id)).filter(outbox::status.ne(super::outbox::SENT)),
        )
        .execute(conn)?;
        diesel::update(outbox::table.filter(outbox::registration_id.eq(id)))
            .set((
                outbox::recipient_email.eq(format!("erased-{id}@invalid")),
                outbox::recipient_name.eq("(erased)"),
                outbox::body_text.eq(""),
                outbox::body_html.eq(""),
                outbox::ics.eq(""),
            ))
            .execute(conn)?;
    }
    Ok(ids.len())
}

/// Retention: anonymises every registration whose session ended more than
/// `days` ago. Returns how many were anonymised.
pub fn purge(conn: &mut DbConn, days: i64, now: chrono::NaiveDateTime) -> Result<usize, AppError> {
    use super::schema::sessions;
    let ids: Vec<i32> = registrations::table
        .inner_join(sessions::table)
        .filter(sessions::ends_at.lt(now - chrono::Duration::days(days)))
        .filter(registrations::name.ne("(erased)"))
        .select(registrations::id)
        .load(conn)?;
    let mut done = 0;
    for chunk in ids.chunks(200) {
        done += super::write_transaction(conn, |conn| anonymise(conn, chunk))?;
    }
    Ok(done)
}

/// Passes every change on, except those about the person being erased.
struct Quiet<'a> {
    except: i32,
    inner: &'a dyn Notifier,
}

impl Notifier for Quiet<'_> {
    fn notify(
        &self,
        conn: &mut DbConn,
        session: &session_store::Session,
        change: super::notify::Change<'_>,
    ) -> Result<(), AppError> {
        use super::notify::Change;
        match change {
            Change::Withdrawn(r) | Change::Rejected(r) if r.id == self.except => Ok(()),
            other => self.inner.notify(conn, session, other),
        }
    }
}
