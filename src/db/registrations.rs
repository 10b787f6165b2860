//! Registrations: the rules that protect capacity, enforced inside one
//! transaction that first takes the session's lock (see `sessions::lock`).

use super::DbConn;
use super::models::{NewRegistration, Registration};
use super::notify::{Change, Notifier};
use super::reference::Reference;
use super::schema::{registrations, sessions};
use super::sessions::{self as session_store, Session};
use crate::domain::fields::FieldErrors;
use crate::domain::lang::Lang;
use crate::domain::message::{Arg, Message};
use crate::domain::questions::check_answers;
use crate::domain::registration::{RegistrationInput, RegistrationStatus};
use crate::domain::secret::{Keys, digest, new_secret};
use crate::domain::session::SessionStatus;
use crate::error::AppError;
use chrono::NaiveDateTime;
use diesel::prelude::*;

pub const MANAGE_PREFIX: &str = "m_";
pub const FEED_PREFIX: &str = "f_";

/// A registration just made, with the secrets that are shown only now.
#[derive(Debug)]
pub struct Registered {
    pub registration: Registration,
    pub manage_token: String,
    pub feed_token: String,
    pub waitlist_position: Option<i64>,
}

impl Registration {
    pub fn status(&self) -> RegistrationStatus {
        RegistrationStatus::parse(&self.status).unwrap_or(RegistrationStatus::Cancelled)
    }

    /// The language their emails and invites are written in.
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.language).unwrap_or_default()
    }
}

impl Registration {
    pub fn manage_token(&self, keys: &Keys) -> String {
        keys.manage_token(&self.secret_nonce)
    }

    pub fn feed_token(&self, keys: &Keys) -> String {
        keys.feed_token(&self.secret_nonce, self.feed_generation)
    }
}

/// Why a session does not take registrations now, in words for people.
pub fn closed_reason(session: &Session, now: NaiveDateTime) -> Option<Message> {
    let r = &session.row;
    let when = |id: &'static str, t: NaiveDateTime| {
        Message::new(id, vec![("when", Arg::Time { utc: t.and_utc(), zone: r.time_zone.clone() })])
    };
    if session.status() == SessionStatus::Cancelled {
        return Some(Message::id("closed-cancelled"));
    }
    if now >= r.starts_at {
        return Some(Message::id("closed-started"));
    }
    if let Some(opens) = r.registration_opens_at
        && now < opens
    {
        return Some(when("closed-opens", opens));
    }
    if let Some(closes) = r.registration_closes_at
        && now >= closes
    {
        return Some(when("closed-closed", closes));
    }
    None
}

/// Whether a participant from this country may register.
pub fn eligible(session: &Session, reference: &Reference, iso2: &str) -> bool {
    session.open_to_all()
        || session.countries.iter().any(|c| c == iso2)
        || reference.country_regions.get(iso2).is_some_and(|rs| rs.iter().any(|r| session.region_ids.contains(r)))
}

/// Who may register (its regions, then its countries), as names each
/// reader sees in their language.
pub fn open_to_names(session: &Session, reference: &Reference) -> Arg {
    let regions =
        session.region_ids.iter().filter_map(|id| reference.region_by_id(*id)).map(|r| (r.name_key(), r.name.clone()));
    let countries =
        session.countries.iter().filter_map(|c| reference.country(c)).map(|c| (c.name_key(), c.name.clone()));
    Arg::Names(regions.chain(countries).collect())
}

/// Registers one person. The order of checks is what a person needs to
/// hear first: a closed session, then their own mistakes, then whether
/// their country may take part, then whether they are already in.
pub fn register(
    conn: &mut DbConn,
    keys: &Keys,
    reference: &Reference,
    session_id: i32,
    parsed: (Option<RegistrationInput>, FieldErrors),
    now: NaiveDateTime,
    notifier: &dyn Notifier,
) -> Result<Registered, AppError> {
    let session = session_store::find(conn, session_id)?.ok_or(AppError::NotFound)?;
    if session.status() == SessionStatus::Draft {
        return Err(AppError::NotFound);
    }
    if let Some(reason) = closed_reason(&session, now) {
        return Err(AppError::Forbidden(reason));
    }
    let (input, mut errors) = parsed;
    let answers = check_answers(&session.questions(), input.as_ref().and_then(|i| i.answers.as_ref()), &mut errors);
    let country = input.as_ref().and_then(|i| reference.country(&i.country));
    if input.as_ref().is_some_and(|i| !i.country.is_empty()) && country.is_none() && !errors.0.contains_key("country") {
        errors.add("country", Message::id("err-country-unknown"));
    }
    let (Some(input), Some(country), true) = (input, country, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    if !eligible(&session, reference, &country.iso2) {
        return Err(AppError::Forbidden(Message::new(
            "not-eligible",
            vec![("names", open_to_names(&session, reference))],
        )));
    }
    let zone_name = match &input.zone {
        Some(z) => z.name().to_string(),
        None => reference.zones_of(&country.iso2).first().cloned().unwrap_or_else(|| "UTC".into()),
    };
    let answers = serde_json::to_string(&answers).map_err(|e| AppError::Internal(e.into()))?;
    let nonce = new_secret("").map_err(|e| AppError::Internal(anyhow::anyhow!("no randomness: {e}")))?;
    let manage_token = keys.manage_token(&nonce);
    let feed_token = keys.feed_token(&nonce, 0);

    super::write_transaction(conn, |conn| {
        // Read again under the lock: seats and status may have moved.
        let row = session_store::lock_row(conn, session_id)?.ok_or(AppError::NotFound)?;
        let session = Session { row, ..session.clone() };
        if let Some(reason) = closed_reason(&session, now) {
            return Err(AppError::Forbidden(reason));
        }
        let existing: Option<Registration> = registrations::table
            .filter(registrations::session_id.eq(session_id))
            .filter(registrations::email.eq(input.email.as_str()))
            .select(Registration::as_select())
            .first(conn)
            .optional()?;
        if existing.as_ref().is_some_and(|r| r.status() != RegistrationStatus::Cancelled) {
            return Err(AppError::Conflict(Message::id("already-registered")));
        }
        let status = if session.row.requires_approval {
            RegistrationStatus::PendingApproval
        } else if take_seat(conn, session_id)? {
            RegistrationStatus::Confirmed
        } else if session.row.waitlist {
            RegistrationStatus::Waitlisted
        } else {
            return Err(AppError::Conflict(Message::id("session-full-no-waitlist")));
        };
        let row = NewRegistration {
            session_id,
            name: &input.name,
            email: input.email.as_str(),
            organisation: &input.organisation,
            position: &input.position,
            country_iso2: &country.iso2,
            time_zone: &zone_name,
            status: status.as_str(),
            answers: answers.clone(),
            secret_nonce: nonce.clone(),
            feed_generation: 0,
            manage_token_hash: digest(&manage_token),
            feed_token_hash: digest(&feed_token),
            consented_at: now,
            created_at: now,
            updated_at: now,
            // Calendar messages to this person keep rising past the
            // cancellation they received for an earlier registration.
            calendar_bump: existing.as_ref().map(|o| o.calendar_bump + 1).unwrap_or(0),
            language: input.lang.tag(),
        };
        // Someone who cancelled may come back: the old row goes, and the new
        // one takes its place at the back of any queue (queues follow ids).
        if let Some(old) = existing {
            diesel::delete(registrations::table.find(old.id)).execute(conn)?;
        }
        let registration: Registration =
            diesel::insert_into(registrations::table).values(&row).get_result(conn).map_err(|e| match e {
                diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _) => {
                    AppError::Conflict(Message::id("already-registered"))
                }
                other => other.into(),
            })?;
        let waitlist_position = waitlist_position(conn, &registration)?;
        notifier.notify(conn, &session, Change::Registered(&registration))?;
        Ok(Registered {
            registration,
            manage_token: manage_token.clone(),
            feed_token: feed_token.clone(),
            waitlist_position,
        })
    })
}

/// Takes one seat if one is free. The condition is in the UPDATE itself,
/// so capacity holds even if a caller forgot the lock.
fn take_seat(conn: &mut DbConn, session_id: i32) -> QueryResult<bool> {
    diesel::update(
        sessions::table
            .find(session_id)
            .filter(sessions::capacity.is_null().or(sessions::seats_taken.lt(sessions::capacity.assume_not_null()))),
    )
    .set(sessions::seats_taken.eq(sessions::seats_taken + 1))
    .execute(conn)
    .map(|n| n == 1)
}

fn free_seat(conn: &mut DbConn, session_id: i32) -> QueryResult<()> {
    diesel::update(sessions::table.find(session_id).filter(sessions::seats_taken.gt(0)))
        .set(sessions::seats_taken.eq(sessions::seats_taken - 1))
        .execute(conn)
        .map(|_| ())
}

fn set_status(conn: &mut DbConn, id: i32, status: RegistrationStatus) -> QueryResult<Registration> {
    diesel::update(registrations::table.find(id))
        .set((registrations::status.eq(status.as_str()), registrations::updated_at.eq(super::now())))
        .get_result(conn)
}

/// 1 for the first in the queue; None when not waitlisted.
pub fn waitlist_position(conn: &mut DbConn, r: &Registration) -> QueryResult<Option<i64>> {
    if r.status() != RegistrationStatus::Waitlisted {
        return Ok(None);
    }
    let ahead: i64 = registrations::table
        .filter(registrations::session_id.eq(r.session_id))
        .filter(registrations::status.eq(RegistrationStatus::Waitlisted.as_str()))
        .filter(registrations::id.lt(r.id))
        .count()
        .get_result(conn)?;
    Ok(Some(ahead + 1))
}

/// Moves the first waiting people into free seats, in arrival order. Call
/// inside a transaction that holds the session's lock.
pub fn promote(conn: &mut DbConn, session_id: i32, notifier: &dyn Notifier) -> Result<Vec<Registration>, AppError> {
    let mut promoted = Vec::new();
    loop {
        let next: Option<Registration> = registrations::table
            .filter(registrations::session_id.eq(session_id))
            .filter(registrations::status.eq(RegistrationStatus::Waitlisted.as_str()))
            .order(registrations::id)
            .select(Registration::as_select())
            .first(conn)
            .optional()?;
        let Some(next) = next else { break };
        if !take_seat(conn, session_id)? {
            break;
        }
        promoted.push(set_status(conn, next.id, RegistrationStatus::Confirmed)?);
    }
    if !promoted.is_empty() {
        let session = session_store::find(conn, session_id)?.ok_or(AppError::NotFound)?;
        for r in &promoted {
            notifier.notify(conn, &session, Change::Promoted(r))?;
        }
    }
    Ok(promoted)
}

pub fn find_by_manage_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<Registration>> {
    if !crate::domain::secret::plausible(token, MANAGE_PREFIX) {
        return Ok(None);
    }
    registrations::table
        .filter(registrations::manage_token_hash.eq(digest(token)))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

/// The registration whose own feed has this secret. A registration's feed
/// holds that registration only: whoever submitted the form holds its link.
pub fn by_feed_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<Registration>> {
    if !crate::domain::secret::plausible(token, FEED_PREFIX) {
        return Ok(None);
    }
    registrations::table
        .filter(registrations::feed_token_hash.eq(digest(token)))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

/// What a change did: the registration as it is now, and who moved up from
/// the waiting list into a freed seat.
pub struct Outcome {
    pub registration: Registration,
    pub promoted: Vec<Registration>,
}

/// A participant's own cancellation. Cancelling twice changes nothing.
pub fn cancel(conn: &mut DbConn, registration_id: i32, notifier: &dyn Notifier) -> Result<Outcome, AppError> {
    withdraw(conn, registration_id, notifier, None)
}

/// Cancels a registration; the seat goes to the next in line. Organisers'
/// cancellations (with an actor) are audited, a participant's own are not.
fn withdraw(
    conn: &mut DbConn,
    registration_id: i32,
    notifier: &dyn Notifier,
    actor: Option<&str>,
) -> Result<Outcome, AppError> {
    change(
        conn,
        registration_id,
        |current| match current {
            RegistrationStatus::Cancelled | RegistrationStatus::Rejected => Ok(None),
            _ => Ok(Some(RegistrationStatus::Cancelled)),
        },
        notifier,
        actor,
    )
}

/// An organiser's approval: into a seat if one is free, else onto the
/// waiting list if the session has one.
pub fn approve(
    conn: &mut DbConn,
    registration_id: i32,
    notifier: &dyn Notifier,
    actor: &str,
) -> Result<Outcome, AppError> {
    super::write_transaction(conn, |conn| {
        let r = registrations::table
            .find(registration_id)
            .select(Registration::as_select())
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)?;
        session_store::lock(conn, r.session_id)?;
        let r = registrations::table.find(registration_id).select(Registration::as_select()).first(conn)?;
        if r.status() != RegistrationStatus::PendingApproval {
            return Err(AppError::Conflict(
                format!("Only pending registrations can be approved; this one is {}.", r.status().as_str()).into(),
            ));
        }
        let session = session_store::find(conn, r.session_id)?.ok_or(AppError::NotFound)?;
        let status = if take_seat(conn, r.session_id)? {
            RegistrationStatus::Confirmed
        } else if session.row.waitlist {
            RegistrationStatus::Waitlisted
        } else {
            return Err(AppError::Conflict("The session is full and has no waiting list.".into()));
        };
        let registration = set_status(conn, r.id, status)?;
        super::audit::record(
            conn,
            actor,
            "registration.approve",
            Some(r.session_id),
            Some(r.id),
            &serde_json::json!({"status": r.status}),
            &serde_json::json!({"status": registration.status}),
        )?;
        notifier.notify(conn, &session, Change::Approved(&registration))?;
        Ok(Outcome { registration, promoted: Vec::new() })
    })
}

/// An organiser's refusal; a confirmed person's seat goes to the next in line.
pub fn reject(
    conn: &mut DbConn,
    registration_id: i32,
    notifier: &dyn Notifier,
    actor: &str,
) -> Result<Outcome, AppError> {
    change(
        conn,
        registration_id,
        |current| match current {
            RegistrationStatus::Rejected => Ok(None),
            RegistrationStatus::Cancelled => {
                Err(AppError::Conflict("This registration was cancelled by the participant.".into()))
            }
            _ => Ok(Some(RegistrationStatus::Rejected)),
        },
        notifier,
        Some(actor),
    )
}

/// A registration with its session's lock taken, inside a write transaction.
fn locked(conn: &mut DbConn, registration_id: i32) -> Result<(i32, Registration), AppError> {
    let session_id: i32 = registrations::table
        .find(registration_id)
        .select(registrations::session_id)
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    session_store::lock(conn, session_id)?;
    let r = registrations::table.find(registration_id).select(Registration::as_select()).first(conn)?;
    Ok((session_id, r))
}

/// Moves a registration out of the session, freeing its seat and promoting
/// the next in line, all under the session's lock.
fn change(
    conn: &mut DbConn,
    registration_id: i32,
    next: impl Fn(RegistrationStatus) -> Result<Option<RegistrationStatus>, AppError>,
    notifier: &dyn Notifier,
    // Organisers' changes are audited; a participant's own are not.
    actor: Option<&str>,
) -> Result<Outcome, AppError> {
    super::write_transaction(conn, |conn| {
        let (session_id, r) = locked(conn, registration_id)?;
        let Some(status) = next(r.status())? else {
            return Ok(Outcome { registration: r, promoted: Vec::new() });
        };
        let held_seat = r.status() == RegistrationStatus::Confirmed;
        let had_invite = matches!(r.status(), RegistrationStatus::Confirmed);
        let mut registration = set_status(conn, r.id, status)?;
        if status == RegistrationStatus::Cancelled && had_invite {
            // The cancellation for their calendar outranks the invite.
            registration = diesel::update(registrations::table.find(r.id))
                .set(registrations::calendar_bump.eq(registrations::calendar_bump + 1))
                .get_result(conn)?;
        }
        if let Some(actor) = actor {
            let action =
                if status == RegistrationStatus::Rejected { "registration.reject" } else { "registration.cancel" };
            super::audit::record(
                conn,
                actor,
                action,
                Some(session_id),
                Some(r.id),
                &serde_json::json!({"status": r.status}),
                &serde_json::json!({"status": registration.status}),
            )?;
        }
        let session = session_store::find(conn, session_id)?.ok_or(AppError::NotFound)?;
        let change = if status == RegistrationStatus::Cancelled {
            Change::Withdrawn(&registration)
        } else {
            Change::Rejected(&registration)
        };
        notifier.notify(conn, &session, change)?;
        let promoted = if held_seat {
            free_seat(conn, session_id)?;
            promote(conn, session_id, notifier)?
        } else {
            Vec::new()
        };
        Ok(Outcome { registration, promoted })
    })
}

pub fn for_session(conn: &mut DbConn, session_id: i32) -> QueryResult<Vec<Registration>> {
    registrations::table
        .filter(registrations::session_id.eq(session_id))
        .order(registrations::id)
        .select(Registration::as_select())
        .load(conn)
}

/// Issues a new personal feed link; the old one stops working.
pub fn renew_feed(conn: &mut DbConn, keys: &Keys, registration: &Registration) -> QueryResult<Registration> {
    let generation = registration.feed_generation + 1;
    // Through write_transaction so that cached copies of the old feed go.
    super::write_transaction(conn, |conn| {
        diesel::update(registrations::table.find(registration.id))
            .set((
                registrations::feed_generation.eq(generation),
                registrations::feed_token_hash.eq(digest(&keys.feed_token(&registration.secret_nonce, generation))),
                registrations::updated_at.eq(super::now()),
            ))
            .get_result(conn)
    })
}

/// Registrations that hold or await a place: the people to tell about a
/// change to the session.
pub fn active(conn: &mut DbConn, session_id: i32) -> QueryResult<Vec<Registration>> {
    registrations::table
        .filter(registrations::session_id.eq(session_id))
        .filter(registrations::status.eq_any([
            RegistrationStatus::Confirmed.as_str(),
            RegistrationStatus::Waitlisted.as_str(),
            RegistrationStatus::PendingApproval.as_str(),
        ]))
        .order(registrations::id)
        .select(Registration::as_select())
        .load(conn)
}

/// Queues the reminders that have come due: `hours.0` and `hours.1` before
/// the start, once each per confirmed registration, and only to people who
/// registered before the reminder's time (a newcomer just got their
/// confirmation). Returns how many were queued.
pub fn queue_reminders(
    conn: &mut DbConn,
    composer: &crate::mail::Composer,
    hours: (i64, i64),
    now: NaiveDateTime,
) -> Result<usize, AppError> {
    let mut queued = 0;
    for (slot, h) in [(1, hours.0), (2, hours.1)] {
        if h <= 0 {
            continue;
        }
        let horizon = now + chrono::Duration::hours(h);
        let due: Vec<(i32, i32)> = registrations::table
            .inner_join(sessions::table)
            .filter(sessions::status.eq(SessionStatus::Published.as_str()))
            .filter(sessions::starts_at.gt(now))
            .filter(sessions::starts_at.le(horizon))
            .filter(registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
            .select((
                registrations::id,
                sessions::id,
                registrations::reminder_first_sent_at,
                registrations::reminder_second_sent_at,
            ))
            .load::<(i32, i32, Option<NaiveDateTime>, Option<NaiveDateTime>)>(conn)?
            .into_iter()
            .filter(|(_, _, first, second)| if slot == 1 { first.is_none() } else { second.is_none() })
            .map(|(r, s, _, _)| (r, s))
            .collect();
        for (registration_id, session_id) in due {
            super::write_transaction(conn, |conn| {
                let session = session_store::find(conn, session_id)?.ok_or(AppError::NotFound)?;
                let r: Registration =
                    registrations::table.find(registration_id).select(Registration::as_select()).first(conn)?;
                let sent = if slot == 1 { r.reminder_first_sent_at } else { r.reminder_second_sent_at };
                if sent.is_some() {
                    return Ok(());
                }
                let first_is_due = slot == 1 && session.row.starts_at - now > chrono::Duration::hours(hours.1.max(0));
                let registered_before = r.created_at <= session.row.starts_at - chrono::Duration::hours(h);
                if (slot == 2 || first_is_due) && registered_before {
                    composer.reminder(conn, &session, &r, h)?;
                    queued += 1;
                }
                // Marked either way: a reminder that was not due is not owed later.
                let stamp = registrations::table.find(registration_id);
                if slot == 1 {
                    diesel::update(stamp).set(registrations::reminder_first_sent_at.eq(now)).execute(conn)?;
                } else {
                    diesel::update(stamp).set(registrations::reminder_second_sent_at.eq(now)).execute(conn)?;
                }
                Ok::<_, AppError>(())
            })?;
        }
    }
    Ok(queued)
}

/// Registrations of one email that still hold or await a place, for
/// sessions that have not ended, with their sessions.
pub fn current_for_email(
    conn: &mut DbConn,
    email: &str,
    now: NaiveDateTime,
) -> QueryResult<Vec<(Session, Registration)>> {
    let rows: Vec<Registration> = registrations::table
        .inner_join(sessions::table)
        .filter(registrations::email.eq(email))
        .filter(sessions::ends_at.gt(now))
        .filter(registrations::status.eq_any([
            RegistrationStatus::Confirmed.as_str(),
            RegistrationStatus::Waitlisted.as_str(),
            RegistrationStatus::PendingApproval.as_str(),
        ]))
        .order(sessions::starts_at)
        .select(Registration::as_select())
        .load(conn)?;
    let mut out = Vec::new();
    for r in rows {
        if let Some(s) = session_store::find(conn, r.session_id)? {
            out.push((s, r));
        }
    }
    Ok(out)
}

/// An organiser cancels someone's registration (audited, unlike the
/// participant's own); the seat goes to the next in line.
pub fn cancel_by_organiser(
    conn: &mut DbConn,
    registration_id: i32,
    notifier: &dyn Notifier,
    actor: &str,
) -> Result<Outcome, AppError> {
    withdraw(conn, registration_id, notifier, Some(actor))
}

/// An organiser moves one person from the waiting list into a free seat,
/// out of arrival order. Never beyond capacity.
pub fn promote_one(
    conn: &mut DbConn,
    registration_id: i32,
    notifier: &dyn Notifier,
    actor: &str,
) -> Result<Registration, AppError> {
    super::write_transaction(conn, |conn| {
        let (session_id, r) = locked(conn, registration_id)?;
        if r.status() != RegistrationStatus::Waitlisted {
            return Err(AppError::Conflict("Only someone on the waiting list can be promoted.".into()));
        }
        if !take_seat(conn, session_id)? {
            return Err(AppError::Conflict("No seat is free: raise the capacity first.".into()));
        }
        let promoted = set_status(conn, r.id, RegistrationStatus::Confirmed)?;
        super::audit::record(
            conn,
            actor,
            "registration.promote",
            Some(session_id),
            Some(r.id),
            &serde_json::json!({"status": r.status}),
            &serde_json::json!({"status": promoted.status}),
        )?;
        let session = session_store::find(conn, session_id)?.ok_or(AppError::NotFound)?;
        notifier.notify(conn, &session, Change::Promoted(&promoted))?;
        Ok(promoted)
    })
}

/// Marks confirmed registrations of a session as `attended` or `no_show`
/// (None clears the mark). Returns how many were marked.
pub fn set_attendance(
    conn: &mut DbConn,
    session_id: i32,
    ids: &[i32],
    mark: Option<&str>,
    actor: &str,
) -> Result<usize, AppError> {
    super::write_transaction(conn, |conn| {
        let n = diesel::update(
            registrations::table
                .filter(registrations::session_id.eq(session_id))
                .filter(registrations::id.eq_any(ids))
                .filter(registrations::status.eq(RegistrationStatus::Confirmed.as_str())),
        )
        .set(registrations::attendance.eq(mark))
        .execute(conn)?;
        super::audit::record(
            conn,
            actor,
            "registration.attendance",
            Some(session_id),
            None,
            &serde_json::Value::Null,
            &serde_json::json!({"registrations": ids, "attendance": mark, "marked": n}),
        )?;
        Ok(n)
    })
}
