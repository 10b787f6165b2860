//! Participation through National Focal Points: a focal point (or an
//! organiser in scope, or a token of no account) nominates someone; a
//! place is held for them in the session's capacity and their country's
//! quota, under the session's lock like any seat; the nominee accepts
//! (confirmed, or pending approval when the session asks for it) or
//! declines; a nomination nobody answers lapses when nominations close, or
//! after a week, and frees its place for the next in line.

use super::{
    Departure, Outcome, Person, Registered, RegistrationError, Told, depart, earlier, full, leave, locked, promote,
    quota_room, record, tell_registered,
};
use crate::db::ids::{RegistrationId, SessionId};
use crate::db::notify::Notifier;
use crate::db::reference::Reference;
use crate::db::registrations as store;
use crate::db::sessions as session_store;
use crate::db::{DbConn, write_transaction};
use crate::domain::message::Message;
use crate::domain::registration::{NOMINATION_DAYS, NominationInput, RegistrationStatus};
use crate::domain::scope::Access;
use crate::domain::secret::Keys;
use crate::domain::session::SessionStatus;
use crate::domain::zone::TimeZone;
use chrono::NaiveDateTime;

/// Who nominates, and when: what they may reach, and their name in the
/// audit log.
pub struct Nominator<'a> {
    pub access: &'a Access,
    pub name: &'a str,
    pub at: NaiveDateTime,
}

pub fn nominate(
    conn: &mut DbConn,
    keys: &Keys,
    reference: &Reference,
    session_id: SessionId,
    nomination: NominationInput,
    by: &Nominator,
    notifier: &dyn Notifier,
) -> Result<Registered, RegistrationError> {
    let now = by.at;
    let session = session_store::find(conn, session_id)?.ok_or(RegistrationError::NotFound)?;
    if session.status() == SessionStatus::Draft {
        return Err(RegistrationError::NotFound);
    }
    let input = &nomination.person;
    let country = reference.country(&input.country).ok_or_else(|| {
        RegistrationError::Invalid(crate::domain::fields::FieldErrors::single(
            "country",
            Message::id("err-country-unknown"),
        ))
    })?;
    if by.access.is_focal_point() {
        if !by.access.countries.contains(&country.iso2) {
            return Err(RegistrationError::Refused(Message::id("nomination-outside-country")));
        }
    } else if !by.access.may_change(session.row.organising_region_id) {
        return Err(RegistrationError::Refused(Message::id("not-your-region")));
    }
    if let Some(reason) = closed(&session, now) {
        return Err(RegistrationError::Refused(reason));
    }
    if !session.admits(reference, &country.iso2) {
        return Err(RegistrationError::Refused(Message::new(
            "not-eligible",
            vec![("names", store::open_to_names(&session, reference))],
        )));
    }
    super::check_attendance(&session, input)?;
    let person = nominee(keys, reference, &nomination, &country.iso2, by)?;
    write_transaction(conn, |conn| {
        let row = session_store::lock_row(conn, session_id)?.ok_or(RegistrationError::NotFound)?;
        let session = session_store::Session { row, ..session.clone() };
        if let Some(reason) = closed(&session, now) {
            return Err(RegistrationError::Refused(reason));
        }
        let existing = earlier(conn, session_id, input.email.as_str())?;
        // A nomination holds a place or is refused: nominees do not queue.
        let room = quota_room(conn, &session, &country.iso2)?;
        if !room || !super::take_seat(conn, &session, person.mode)? {
            return Err(full(&session, &country.iso2, &country.name, room));
        }
        let registration = person.insert(conn, session_id, RegistrationStatus::Nominated, existing, now)?;
        record(conn, by.name, "registration.nominate", &registration, &registration)?;
        tell_registered(conn, &session, &registration, notifier)?;
        Ok(Registered {
            registration,
            manage_token: person.manage_token.clone(),
            feed_token: person.feed_token.clone(),
            waitlist_position: None,
        })
    })
}

/// The nominee about to be inserted: their zone, role, note for the
/// organisers and who nominated them; no answers yet (they give them when
/// accepting).
fn nominee<'a>(
    keys: &Keys,
    reference: &Reference,
    nomination: &'a NominationInput,
    country: &'a str,
    by: &Nominator,
) -> Result<Person<'a>, RegistrationError> {
    let input = &nomination.person;
    let zone = super::zone_of(reference, input.zone.as_ref(), country);
    let mut person = Person::new(keys, input, country, zone, "{}".into())?;
    person.role = nomination.role;
    person.note = nomination.note.clone();
    person.nominated_by = by.name.to_string();
    Ok(person)
}

/// Why a session takes no nominations now: the registration window, or
/// nominations closed (told as the session's local date and time).
fn closed(session: &session_store::Session, now: NaiveDateTime) -> Option<Message> {
    if let Some(reason) = session.closed_reason(now) {
        return Some(reason);
    }
    let close = session.row.nominations_close_at.filter(|c| *c <= now)?;
    let local = session.zone().at(close.and_utc());
    let date = format!("{} ({})", local.local.format("%Y-%m-%d %H:%M"), local.offset_label());
    Some(Message::new("nominations-closed", vec![("date", date.into())]))
}

/// What a nominee gives when accepting, besides their consent: a zone if
/// they chose one, and their answers to the session's questions.
#[derive(Debug, Default, Clone)]
pub struct Acceptance {
    pub zone: Option<TimeZone>,
    /// The `answers` object, checked against the session's questions as a
    /// registration's is (None: no answers given).
    pub answers: Option<serde_json::Value>,
}

/// The nominee says yes: with their consent (and a zone, if they chose
/// one, and their answers) the held place becomes theirs, or waits for the
/// organisers' approval when the session asks for it (the place then goes
/// back until approval takes one, as for anyone awaiting approval).
pub fn accept(
    conn: &mut DbConn,
    registration_id: RegistrationId,
    acceptance: Acceptance,
    now: NaiveDateTime,
    notifier: &dyn Notifier,
) -> Result<Outcome, RegistrationError> {
    write_transaction(conn, |conn| {
        let (session, r) = locked(conn, registration_id)?;
        if r.status() != RegistrationStatus::Nominated {
            return Err(RegistrationError::Conflict(nomination_not_pending(&r)));
        }
        let questions = session.questions();
        let answers = if questions.is_empty() {
            None
        } else {
            let mut errors = crate::domain::fields::FieldErrors::default();
            let checked = crate::domain::questions::check_answers(&questions, acceptance.answers.as_ref(), &mut errors);
            if !errors.is_empty() {
                return Err(RegistrationError::Invalid(errors));
            }
            Some(serde_json::to_string(&checked).map_err(|e| RegistrationError::Internal(e.into()))?)
        };
        let zone = acceptance.zone.as_ref().map(TimeZone::name);
        store::record_consent(conn, r.id, zone, answers.as_deref(), now)?;
        let (status, freed) = if session.row.requires_approval {
            (RegistrationStatus::PendingApproval, true)
        } else {
            (RegistrationStatus::Confirmed, false)
        };
        let registration = store::set_status(conn, r.id, status)?;
        tell_registered(conn, &session, &registration, notifier)?;
        let promoted = if freed {
            super::free_seat(conn, &session, r.attendance_mode)?;
            promote(conn, session.id(), notifier)?
        } else {
            Vec::new()
        };
        Ok(Outcome { registration, promoted })
    })
}

/// The nominee says no: the place goes back to the next in line. Only a
/// pending nomination, checked under the session's lock.
pub fn decline(
    conn: &mut DbConn,
    registration_id: RegistrationId,
    notifier: &dyn Notifier,
) -> Result<Outcome, RegistrationError> {
    let r = store::find(conn, registration_id)?.ok_or(RegistrationError::NotFound)?;
    let declined = |s: RegistrationStatus| match s {
        RegistrationStatus::Nominated => Ok(Some(RegistrationStatus::Declined)),
        _ => Err(nomination_not_pending(&r)),
    };
    leave(conn, registration_id, declined, notifier, None)
}

/// "Only a pending nomination can be accepted or declined; this one is …",
/// in the nominee's language.
fn nomination_not_pending(r: &crate::db::models::Registration) -> Message {
    Message::new("nomination-not-pending", vec![("status", r.status().label().into())])
}

/// Nominations nobody answered in time lapse: their places go to the next
/// in line; sessions whose quotas were released move their waiting lists
/// up. Returns how many nominations lapsed.
pub fn lapse_due(conn: &mut DbConn, now: NaiveDateTime, notifier: &dyn Notifier) -> Result<usize, RegistrationError> {
    let due = store::unanswered_nominations(conn, now, now - chrono::Duration::days(NOMINATION_DAYS))?;
    for id in &due {
        let lapse =
            |s: RegistrationStatus| Ok((s == RegistrationStatus::Nominated).then_some(RegistrationStatus::Lapsed));
        leave(conn, *id, lapse, notifier, Some("system:nominations"))?;
    }
    // Places held back by quotas go to the waiting list once released.
    for session_id in session_store::quotas_released(conn, now)? {
        write_transaction(conn, |conn| {
            session_store::lock(conn, session_id)?;
            promote(conn, session_id, notifier).map(drop)
        })?;
    }
    Ok(due.len())
}

/// A focal point (of the registrant's country), an organiser in scope or a
/// token of no account endorses a registration: it goes on as any
/// registration would (approval, a seat within capacity and quota, or the
/// waiting list).
pub fn endorse(
    conn: &mut DbConn,
    registration_id: RegistrationId,
    by: &Nominator,
    notifier: &dyn Notifier,
) -> Result<Outcome, RegistrationError> {
    write_transaction(conn, |conn| {
        let (session, r) = locked(conn, registration_id)?;
        may_decide(by, &session, &r)?;
        let room = quota_room(conn, &session, &r.country_iso2)?;
        let status =
            crate::domain::registration::placement(session.row.requires_approval, session.row.waitlist, || {
                if room { super::take_seat(conn, &session, r.attendance_mode) } else { Ok(false) }
            })?
            .ok_or_else(|| full(&session, &r.country_iso2, &r.country_iso2, room))?;
        let registration = store::set_status(conn, r.id, status)?;
        record(conn, by.name, "registration.endorse", &r, &registration)?;
        tell_registered(conn, &session, &registration, notifier)?;
        Ok(Outcome { registration, promoted: Vec::new() })
    })
}

/// The focal point declines to endorse: the registration is rejected, and
/// the person told.
pub fn decline_endorsement(
    conn: &mut DbConn,
    registration_id: RegistrationId,
    by: &Nominator,
    notifier: &dyn Notifier,
) -> Result<Outcome, RegistrationError> {
    // Who may decide is read now; the status is checked again under the lock.
    let r = store::find(conn, registration_id)?.ok_or(RegistrationError::NotFound)?;
    let session = session_store::find(conn, r.session_id)?.ok_or(RegistrationError::NotFound)?;
    may_decide(by, &session, &r)?;
    let rejected = |s: RegistrationStatus| match s {
        RegistrationStatus::PendingEndorsement => Ok(Some(RegistrationStatus::Rejected)),
        other => Err(not_pending(other)),
    };
    leave(conn, registration_id, rejected, notifier, Some(by.name))
}

/// Only a registration awaiting endorsement, and only its country's focal
/// point (or an organiser in scope, or a token of no account).
fn may_decide(
    by: &Nominator,
    session: &session_store::Session,
    r: &crate::db::models::Registration,
) -> Result<(), RegistrationError> {
    may_act_for(by, session, r)?;
    if r.status() != RegistrationStatus::PendingEndorsement {
        return Err(RegistrationError::Conflict(not_pending(r.status())));
    }
    Ok(())
}

/// Whether `by` speaks for this registrant: their country's focal point,
/// an organiser of the session's region, or a token of no account.
fn may_act_for(
    by: &Nominator,
    session: &session_store::Session,
    r: &crate::db::models::Registration,
) -> Result<(), RegistrationError> {
    let allowed = if by.access.is_focal_point() {
        by.access.countries.contains(&r.country_iso2)
    } else {
        by.access.may_change(session.row.organising_region_id)
    };
    if allowed { Ok(()) } else { Err(RegistrationError::Refused(Message::id("nomination-outside-country"))) }
}

/// A nomination that still stands (awaiting the answer, accepted,
/// awaiting approval or on the waiting list) may be withdrawn; a place it
/// holds goes to the next in line, and the nominee is told.
pub fn withdraw(
    conn: &mut DbConn,
    registration_id: RegistrationId,
    by: &Nominator,
    notifier: &dyn Notifier,
) -> Result<Outcome, RegistrationError> {
    write_transaction(conn, |conn| {
        let (session, r) = locked(conn, registration_id)?;
        may_act_for(by, &session, &r)?;
        if r.nominated_by.is_empty() || !r.status().is_active() {
            return Err(RegistrationError::Conflict(not_withdrawable(&r)));
        }
        let departure = Departure {
            status: RegistrationStatus::Cancelled,
            actor: Some((by.name, "registration.withdraw-nomination")),
            change: Told::NominationWithdrawn,
            frees_place: true,
        };
        depart(conn, &session, &r, departure, notifier)
    })
}

/// "Only a nomination that stands can be withdrawn or replaced; this one is …"
fn not_withdrawable(r: &crate::db::models::Registration) -> Message {
    if r.nominated_by.is_empty() {
        return Message::id("not-a-nomination");
    }
    Message::new("nomination-not-standing", vec![("status", r.status().label().into())])
}

/// The focal point gives a nominee's place to someone else of the same
/// country: in one transaction the old nomination ends (its holder told,
/// an invite they held cancelled) and the new nominee holds the same
/// place, so nobody else can take it in between and the quota never moves.
pub fn replace(
    conn: &mut DbConn,
    keys: &Keys,
    reference: &Reference,
    registration_id: RegistrationId,
    nomination: NominationInput,
    by: &Nominator,
    notifier: &dyn Notifier,
) -> Result<Registered, RegistrationError> {
    let now = by.at;
    let old = store::find(conn, registration_id)?.ok_or(RegistrationError::NotFound)?;
    let input = &nomination.person;
    let mut errors = crate::domain::fields::FieldErrors::default();
    if input.country != old.country_iso2 {
        let country = reference.country(&old.country_iso2).map(|c| c.name.clone()).unwrap_or_default();
        errors.add("country", Message::new("replacement-same-country", vec![("country", country.into())]));
    }
    if input.email.as_str().eq_ignore_ascii_case(&old.email) {
        errors.add("email", Message::id("replacement-same-person"));
    }
    if !errors.is_empty() {
        return Err(RegistrationError::Invalid(errors));
    }
    let mut person = nominee(keys, reference, &nomination, &old.country_iso2, by)?;
    // The same place passes: a seat in the room stays a seat in the room.
    person.mode = old.attendance_mode;
    write_transaction(conn, |conn| {
        let (session, r) = locked(conn, registration_id)?;
        may_act_for(by, &session, &r)?;
        if let Some(reason) = closed(&session, now) {
            return Err(RegistrationError::Refused(reason));
        }
        // Only a place held can pass: awaiting the answer, or accepted.
        if r.nominated_by.is_empty() || !r.status().holds_place() {
            return Err(RegistrationError::Conflict(not_withdrawable(&r)));
        }
        let existing = earlier(conn, session.id(), input.email.as_str())?;
        let departure = Departure {
            status: RegistrationStatus::Cancelled,
            actor: Some((by.name, "registration.replace")),
            change: Told::Replaced,
            frees_place: false,
        };
        depart(conn, &session, &r, departure, notifier)?;
        let registration = person.insert(conn, session.id(), RegistrationStatus::Nominated, existing, now)?;
        record(conn, by.name, "registration.nominate", &registration, &registration)?;
        tell_registered(conn, &session, &registration, notifier)?;
        Ok(Registered {
            registration,
            manage_token: person.manage_token.clone(),
            feed_token: person.feed_token.clone(),
            waitlist_position: None,
        })
    })
}

fn not_pending(status: RegistrationStatus) -> Message {
    Message::new("endorsement-not-pending", vec![("status", status.label().into())])
}
