//! Registering, and every later change to a registration: the capacity,
//! waiting-list and approval rules of `domain::registration`, each run
//! inside one write transaction that first takes the session's lock (see
//! `db::sessions::lock`), with the email that tells people about it queued
//! in the same transaction (see `db::notify`).

pub mod feedback;
pub mod nominations;
pub mod privacy;
pub mod series;

use crate::db::ids::{RegistrationId, SessionId};
use crate::db::models::{NewRegistration, Registration};
use crate::db::notify::{Change, Notifier, NotifyError};
use crate::db::reference::Reference;
use crate::db::registrations as store;
use crate::db::sessions::{self as session_store, Session};
use crate::db::{DbConn, audit, write_transaction};
use crate::domain::fields::FieldErrors;
use crate::domain::message::Message;
use crate::domain::questions::check_answers;
use crate::domain::registration::{
    AttendanceMode, ParticipantRole, RegistrationInput, RegistrationStatus, placement, quota_has_room,
};
use crate::domain::secret::{Keys, digest, new_secret};
use crate::domain::session::{Participation, SessionStatus};
use chrono::NaiveDateTime;
use serde_json::json;

/// Why a change to a registration did not happen.
#[derive(Debug, thiserror::Error)]
pub enum RegistrationError {
    #[error("not found")]
    NotFound,
    /// Not allowed now or for this person: closed, not eligible.
    #[error("{0}")]
    Refused(Message),
    #[error("some fields are not valid")]
    Invalid(FieldErrors),
    /// The registration's state does not allow it: already in, full.
    #[error("{0}")]
    Conflict(Message),
    #[error(transparent)]
    Storage(#[from] diesel::result::Error),
    #[error("{0:#}")]
    Internal(anyhow::Error),
}

impl From<NotifyError> for RegistrationError {
    fn from(e: NotifyError) -> Self {
        match e {
            NotifyError::Storage(e) => Self::Storage(e),
            NotifyError::Compose(e) => Self::Internal(e),
        }
    }
}

pub(crate) fn random(prefix: &str) -> Result<String, RegistrationError> {
    new_secret(prefix).map_err(|e| RegistrationError::Internal(anyhow::anyhow!("no randomness: {e}")))
}

/// A registration just made, with the secrets that are shown only now.
#[derive(Debug)]
pub struct Registered {
    pub registration: Registration,
    pub manage_token: String,
    pub feed_token: String,
    pub waitlist_position: Option<i64>,
}

/// What a change did: the registration as it is now, and who moved up from
/// the waiting list into a freed seat.
pub struct Outcome {
    pub registration: Registration,
    pub promoted: Vec<Registration>,
}

/// Registers one person. The order of checks is what a person needs to
/// hear first: a closed session, then their own mistakes, then whether
/// their country may take part, then whether they are already in.
pub fn register(
    conn: &mut DbConn,
    keys: &Keys,
    reference: &Reference,
    session_id: SessionId,
    parsed: (Option<RegistrationInput>, FieldErrors),
    now: NaiveDateTime,
    notifier: &dyn Notifier,
) -> Result<Registered, RegistrationError> {
    let session = session_store::find(conn, session_id)?.ok_or(RegistrationError::NotFound)?;
    if session.status() == SessionStatus::Draft {
        return Err(RegistrationError::NotFound);
    }
    if session.row.participation == Participation::Nomination {
        return Err(RegistrationError::Refused(Message::id("nomination-only")));
    }
    if let Some(reason) = session.closed_reason(now) {
        return Err(RegistrationError::Refused(reason));
    }
    let (input, mut errors) = parsed;
    let answers = check_answers(&session.questions(), input.as_ref().and_then(|i| i.answers.as_ref()), &mut errors);
    let country = input.as_ref().and_then(|i| reference.country(&i.country));
    if input.as_ref().is_some_and(|i| !i.country.is_empty()) && country.is_none() && !errors.0.contains_key("country") {
        errors.add("country", Message::id("err-country-unknown"));
    }
    if input.as_ref().is_some_and(|i| i.gender.is_some()) && !reference.settings.ask_gender {
        errors.add("gender", Message::id("err-gender-not-asked"));
    }
    let (Some(input), Some(country), true) = (input, country, errors.is_empty()) else {
        return Err(RegistrationError::Invalid(errors));
    };
    if !session.admits(reference, &country.iso2) {
        return Err(RegistrationError::Refused(Message::new(
            "not-eligible",
            vec![("names", store::open_to_names(&session, reference))],
        )));
    }
    let zone_name = zone_of(reference, input.zone.as_ref(), &country.iso2);
    let answers = serde_json::to_string(&answers).map_err(|e| RegistrationError::Internal(e.into()))?;
    let mut person = Person::new(keys, &input, &country.iso2, zone_name, answers)?;
    check_attendance(&session, &input)?;
    if session.format() == crate::domain::session::SessionFormat::InPerson {
        person.mode = AttendanceMode::InPerson;
    }

    write_transaction(conn, |conn| {
        // Read again under the lock: seats and status may have moved.
        let row = session_store::lock_row(conn, session_id)?.ok_or(RegistrationError::NotFound)?;
        let session = Session { row, ..session.clone() };
        if let Some(reason) = session.closed_reason(now) {
            return Err(RegistrationError::Refused(reason));
        }
        let existing = earlier(conn, session_id, input.email.as_str())?;
        // Awaiting endorsement holds no place: the endorsement places them.
        let endorsement = session.row.participation == Participation::Endorsement;
        let status = if endorsement {
            RegistrationStatus::PendingEndorsement
        } else {
            let room = quota_room(conn, &session, &country.iso2)?;
            if room && input.online_meanwhile && uses_room(&session, person.mode) && !session.row.requires_approval {
                if take_seat(conn, &session, AttendanceMode::InPerson)? {
                    RegistrationStatus::Confirmed
                } else if take_seat(conn, &session, AttendanceMode::Online)? {
                    // The room is full: an online place now, the room when a seat frees.
                    person.mode = AttendanceMode::Online;
                    person.wants_room = true;
                    RegistrationStatus::Confirmed
                } else if session.row.waitlist {
                    RegistrationStatus::Waitlisted
                } else {
                    return Err(full(&session, &country.iso2, &country.name, room));
                }
            } else {
                placement(session.row.requires_approval, session.row.waitlist, || {
                    if room { take_seat(conn, &session, person.mode) } else { Ok(false) }
                })?
                .ok_or_else(|| full(&session, &country.iso2, &country.name, room))?
            }
        };
        let mut registration = person.insert(conn, session_id, status, existing, now)?;
        // Someone who holds the rest of this series as one recurring event
        // (and takes this date back, or a date that was full before) gets
        // it as that event's instance, not as a second event beside it.
        if let Some(series) = session.row.series_id
            && store::holds_series(conn, series, &registration.email)?
        {
            store::mark_series_invites(conn, &[registration.id])?;
            registration.series_invite = true;
        }
        if endorsement {
            notifier.notify(conn, &session, Change::EndorsementRequested(&registration))?;
        }
        let waitlist_position = tell_registered(conn, &session, &registration, notifier)?;
        Ok(Registered {
            registration,
            manage_token: person.manage_token.clone(),
            feed_token: person.feed_token.clone(),
            waitlist_position,
        })
    })
}

/// Tells of a new place, nomination or waiting-list entry; its place in
/// the queue is counted once, here, for the email and the caller's answer.
pub(crate) fn tell_registered(
    conn: &mut DbConn,
    session: &Session,
    registration: &Registration,
    notifier: &dyn Notifier,
) -> Result<Option<i64>, RegistrationError> {
    let waitlist_position = store::waitlist_position(conn, registration)?;
    notifier.notify(conn, session, Change::Registered { registration, waitlist_position })?;
    Ok(waitlist_position)
}

/// A hybrid session asks how each person comes; the interpretation asked
/// for must be one the session offers.
pub(crate) fn check_attendance(session: &Session, input: &RegistrationInput) -> Result<(), RegistrationError> {
    let mut errors = FieldErrors::default();
    match (session.format(), input.attendance) {
        (crate::domain::session::SessionFormat::InPerson, Some(AttendanceMode::Online)) => {
            errors.add("attendance", Message::id("err-attendance-in-person-only"))
        }
        (crate::domain::session::SessionFormat::Online, Some(AttendanceMode::InPerson)) => {
            errors.add("attendance", Message::id("err-attendance-online-only"))
        }
        _ => {}
    }
    let offered = session.interpretation();
    if !input.interpretation.is_empty() && !offered.contains(&input.interpretation) {
        let choices = if offered.is_empty() { "—".to_string() } else { offered.join(", ") };
        errors.add("interpretation", Message::new("err-one-of", vec![("choices", choices.into())]));
    }
    if errors.is_empty() { Ok(()) } else { Err(RegistrationError::Invalid(errors)) }
}

/// The zone a person's times are written in: the one they chose, else
/// their country's first.
pub(crate) fn zone_of(reference: &Reference, chosen: Option<&crate::domain::zone::TimeZone>, iso2: &str) -> String {
    match chosen {
        Some(z) => z.name().to_string(),
        None => reference.zones_of(iso2).first().cloned().unwrap_or_else(|| "UTC".into()),
    }
}

/// Someone about to be inserted, by a registration or a nomination, with
/// the secrets made for them.
pub(crate) struct Person<'a> {
    input: &'a RegistrationInput,
    country: &'a str,
    zone: String,
    answers: String,
    nonce: String,
    manage_token: String,
    feed_token: String,
    pub role: ParticipantRole,
    pub note: String,
    pub nominated_by: String,
    /// Where they come, as placed (see `seats`).
    pub mode: crate::domain::registration::AttendanceMode,
    pub wants_room: bool,
}

impl<'a> Person<'a> {
    pub(crate) fn new(
        keys: &Keys,
        input: &'a RegistrationInput,
        country: &'a str,
        zone: String,
        answers: String,
    ) -> Result<Self, RegistrationError> {
        let nonce = random("")?;
        Ok(Person {
            manage_token: keys.manage_token(&nonce),
            feed_token: keys.feed_token(&nonce, 0),
            nonce,
            input,
            country,
            zone,
            answers,
            role: ParticipantRole::Participant,
            note: String::new(),
            nominated_by: String::new(),
            mode: input.attendance.unwrap_or(crate::domain::registration::AttendanceMode::Online),
            wants_room: false,
        })
    }

    /// The row, replacing an earlier registration of the same address
    /// that ended (see [`earlier`]).
    pub(crate) fn insert(
        &self,
        conn: &mut DbConn,
        session_id: SessionId,
        status: RegistrationStatus,
        existing: Option<Registration>,
        now: NaiveDateTime,
    ) -> Result<Registration, RegistrationError> {
        let input = self.input;
        let row = NewRegistration {
            session_id,
            name: &input.name,
            email: input.email.as_str(),
            organisation: &input.organisation,
            position: &input.position,
            country_iso2: self.country,
            time_zone: &self.zone,
            status: status.as_str(),
            answers: self.answers.clone(),
            secret_nonce: self.nonce.clone(),
            feed_generation: 0,
            manage_token_hash: digest(&self.manage_token),
            feed_token_hash: digest(&self.feed_token),
            // A nominee's consent is recorded when they accept.
            consented_at: now,
            created_at: now,
            updated_at: now,
            // Calendar messages to this person keep rising past the
            // cancellation they received for an earlier registration.
            calendar_bump: existing.as_ref().map(|o| o.calendar_bump + 1).unwrap_or(0),
            language: input.lang.tag(),
            role: self.role.as_str(),
            note: &self.note,
            nominated_by: &self.nominated_by,
            attendance_mode: self.mode.as_str(),
            interpretation: &input.interpretation,
            wants_room: self.wants_room,
            gender: input.gender.map_or("", |g| g.as_str()),
        };
        store::insert(conn, &row, existing.map(|o| o.id)).map_err(|e| match e {
            // Another request for the same address won the race.
            diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _) => {
                RegistrationError::Conflict(Message::id("already-registered"))
            }
            other => other.into(),
        })
    }
}

/// The address's earlier registration for the session, if it ended (cancelled,
/// or a nomination declined or lapsed); one that stands is a 409.
pub(crate) fn earlier(
    conn: &mut DbConn,
    session_id: SessionId,
    email: &str,
) -> Result<Option<Registration>, RegistrationError> {
    let existing = store::in_session(conn, session_id, email)?;
    let ended = [RegistrationStatus::Cancelled, RegistrationStatus::Declined, RegistrationStatus::Lapsed];
    if existing.as_ref().is_some_and(|r| !ended.contains(&r.status())) {
        return Err(RegistrationError::Conflict(Message::id("already-registered")));
    }
    Ok(existing)
}

/// Whether a country's participants may take one more place (see
/// `domain::registration::quota_has_room`). Inside the session's lock.
fn quota_room(conn: &mut DbConn, session: &Session, iso2: &str) -> Result<bool, RegistrationError> {
    let quota = session.quota_for(iso2, crate::db::now());
    if quota.is_none() {
        return Ok(true);
    }
    Ok(quota_has_room(store::places_held(conn, session.id(), iso2)?, quota))
}

/// No place and no waiting list: the country's quota, or the session, is full.
fn full(session: &Session, iso2: &str, country: &str, quota_room: bool) -> RegistrationError {
    match (quota_room, session.quota_for(iso2, crate::db::now())) {
        (false, Some(places)) => RegistrationError::Conflict(Message::new(
            "quota-full",
            vec![("places", i64::from(places).into()), ("country", country.into())],
        )),
        _ => RegistrationError::Conflict(Message::id("session-full-no-waitlist")),
    }
}

/// Whether a registration takes a seat in the room: in a hybrid session,
/// those who come in person; every other place counts against `capacity`.
pub(crate) fn uses_room(session: &Session, mode: AttendanceMode) -> bool {
    session.format() == crate::domain::session::SessionFormat::Hybrid && mode == AttendanceMode::InPerson
}

/// Takes a seat of the kind this registration holds, if one is free.
pub(crate) fn take_seat(conn: &mut DbConn, session: &Session, mode: AttendanceMode) -> diesel::QueryResult<bool> {
    if uses_room(session, mode) {
        store::take_room_seat(conn, session.id())
    } else {
        store::take_seat(conn, session.id())
    }
}

pub(crate) fn free_seat(conn: &mut DbConn, session: &Session, mode: AttendanceMode) -> diesel::QueryResult<()> {
    if uses_room(session, mode) {
        store::free_room_seat(conn, session.id())
    } else {
        store::free_seat(conn, session.id())
    }
}

/// Moves the first waiting people into free seats, in arrival order. Call
/// inside a transaction that holds the session's lock.
pub fn promote(
    conn: &mut DbConn,
    session_id: SessionId,
    notifier: &dyn Notifier,
) -> Result<Vec<Registration>, RegistrationError> {
    let session = session_store::find(conn, session_id)?.ok_or(RegistrationError::NotFound)?;
    let mut promoted = Vec::new();
    // A room seat that frees first goes to whoever came first of those
    // waiting for the room: on the waiting list, or holding an online place
    // meanwhile (their online place then goes to the online waiting list).
    // Only a hybrid session has a room to wait for: other sessions skip
    // the extra read on this path, which every departure takes.
    let mut room_full = false;
    let holders = if session.format() == crate::domain::session::SessionFormat::Hybrid {
        store::for_session(conn, session_id)?
            .into_iter()
            .filter(|r| r.wants_room && r.status() == RegistrationStatus::Confirmed)
            .collect()
    } else {
        Vec::new()
    };
    // Moving holders in leaves the waiting list as it is: read its head once.
    let first_waiting = if holders.is_empty() {
        None
    } else {
        store::waiting(conn, session_id)?.into_iter().find(|w| uses_room(&session, w.attendance_mode))
    };
    for holder in holders {
        if first_waiting.as_ref().is_some_and(|w| (w.created_at, w.id) < (holder.created_at, holder.id)) {
            break;
        }
        if !store::take_room_seat(conn, session_id)? {
            room_full = true;
            break;
        }
        store::free_seat(conn, session_id)?;
        promoted.push(store::set_mode(conn, holder.id, AttendanceMode::InPerson.as_str(), false)?);
    }
    // Each kind of seat has its own line: a full room stops only the
    // room's waiting list.
    let mut online_full = false;
    for next in store::waiting(conn, session_id)? {
        let room = uses_room(&session, next.attendance_mode);
        if (room && room_full) || (!room && online_full) {
            continue;
        }
        // Someone whose country's places are all held waits on; the next
        // person in line may be from elsewhere.
        if !quota_room(conn, &session, &next.country_iso2)? {
            continue;
        }
        if !take_seat(conn, &session, next.attendance_mode)? {
            if room {
                room_full = true
            } else {
                online_full = true
            }
            if room_full && online_full {
                break;
            }
            continue;
        }
        promoted.push(store::set_status(conn, next.id, RegistrationStatus::Confirmed)?);
    }
    if !promoted.is_empty() {
        for r in &promoted {
            notifier.notify(conn, &session, Change::Promoted(r))?;
        }
    }
    Ok(promoted)
}

/// A participant's own cancellation. Cancelling twice changes nothing.
pub fn cancel(
    conn: &mut DbConn,
    registration_id: RegistrationId,
    notifier: &dyn Notifier,
) -> Result<Outcome, RegistrationError> {
    leave(conn, registration_id, |s| Ok(s.after_withdrawal()), notifier, None)
}

/// An organiser cancels someone's registration (audited, unlike the
/// participant's own); the seat goes to the next in line.
pub fn cancel_by_organiser(
    conn: &mut DbConn,
    registration_id: RegistrationId,
    notifier: &dyn Notifier,
    actor: &str,
) -> Result<Outcome, RegistrationError> {
    leave(conn, registration_id, |s| Ok(s.after_withdrawal()), notifier, Some(actor))
}

/// An organiser's refusal; a confirmed person's seat goes to the next in line.
pub fn reject(
    conn: &mut DbConn,
    registration_id: RegistrationId,
    notifier: &dyn Notifier,
    actor: &str,
) -> Result<Outcome, RegistrationError> {
    leave(conn, registration_id, RegistrationStatus::after_rejection, notifier, Some(actor))
}

/// An organiser's approval: into a seat if one is free, else onto the
/// waiting list if the session has one.
pub fn approve(
    conn: &mut DbConn,
    registration_id: RegistrationId,
    notifier: &dyn Notifier,
    actor: &str,
) -> Result<Outcome, RegistrationError> {
    write_transaction(conn, |conn| {
        let (session, r) = locked(conn, registration_id)?;
        if r.status() != RegistrationStatus::PendingApproval {
            return Err(RegistrationError::Conflict(Message::new(
                "only-pending-approved",
                vec![("status", r.status().label().into())],
            )));
        }
        let room = quota_room(conn, &session, &r.country_iso2)?;
        let status = placement(false, session.row.waitlist, || {
            if room { take_seat(conn, &session, r.attendance_mode) } else { Ok(false) }
        })?
        .ok_or_else(|| full(&session, &r.country_iso2, &r.country_iso2, room))?;
        let registration = store::set_status(conn, r.id, status)?;
        record(conn, actor, "registration.approve", &r, &registration)?;
        notifier.notify(conn, &session, Change::Approved(&registration))?;
        Ok(Outcome { registration, promoted: Vec::new() })
    })
}

/// An organiser moves one person from the waiting list into a free seat,
/// out of arrival order. Never beyond capacity.
pub fn promote_one(
    conn: &mut DbConn,
    registration_id: RegistrationId,
    notifier: &dyn Notifier,
    actor: &str,
) -> Result<Registration, RegistrationError> {
    write_transaction(conn, |conn| {
        let (session, r) = locked(conn, registration_id)?;
        if r.status() != RegistrationStatus::Waitlisted {
            return Err(RegistrationError::Conflict(Message::id("only-waiting-promoted")));
        }
        if !quota_room(conn, &session, &r.country_iso2)? {
            return Err(full(&session, &r.country_iso2, &r.country_iso2, false));
        }
        if !take_seat(conn, &session, r.attendance_mode)? {
            return Err(RegistrationError::Conflict(Message::id("no-seat-free")));
        }
        let promoted = store::set_status(conn, r.id, RegistrationStatus::Confirmed)?;
        record(conn, actor, "registration.promote", &r, &promoted)?;
        notifier.notify(conn, &session, Change::Promoted(&promoted))?;
        Ok(promoted)
    })
}

/// Whether someone attended, and for how long when known: by an organiser
/// of the session's region (or a token of no account), for a confirmed
/// registration only. Audited with before and after.
pub fn record_attendance(
    conn: &mut DbConn,
    registration_id: RegistrationId,
    mark: crate::domain::registration::Attendance,
    minutes: Option<i32>,
    access: &crate::domain::scope::Access,
    actor: &str,
) -> Result<Registration, RegistrationError> {
    write_transaction(conn, |conn| {
        let r = store::find(conn, registration_id)?.ok_or(RegistrationError::NotFound)?;
        let session = session_store::find(conn, r.session_id)?.ok_or(RegistrationError::NotFound)?;
        if access.is_focal_point() || !access.may_change(session.row.organising_region_id) {
            return Err(RegistrationError::Refused(Message::id("not-your-region")));
        }
        if r.status() != RegistrationStatus::Confirmed {
            return Err(RegistrationError::Conflict(Message::new(
                "attendance-not-confirmed",
                vec![("status", r.status().label().into())],
            )));
        }
        let minutes = minutes.filter(|_| mark == crate::domain::registration::Attendance::Attended);
        let after = store::set_one_attendance(conn, r.id, Some(mark.as_str()), minutes)?;
        audit::record(
            conn,
            actor,
            "registration.attendance",
            Some(r.session_id),
            Some(r.id),
            &json!({"attendance": r.attendance.as_str(), "minutes": r.attended_minutes}),
            &json!({"attendance": mark.as_str(), "minutes": minutes}),
        )?;
        Ok(after)
    })
}

/// A check-in at the door: who it is, and when they were first checked in
/// if this is a second scan.
#[derive(Debug)]
pub struct CheckedIn {
    pub registration: Registration,
    pub already: Option<chrono::NaiveDateTime>,
}

/// Checks in the confirmed registrant of the session whose check-in code
/// this is (as typed: see `domain::certificate::read_crockford`). A second
/// scan changes nothing and says when the first was.
pub fn check_in(
    conn: &mut DbConn,
    session_id: crate::db::ids::SessionId,
    code: &str,
    keys: &crate::domain::secret::Keys,
    access: &crate::domain::scope::Access,
    actor: &str,
) -> Result<CheckedIn, RegistrationError> {
    write_transaction(conn, |conn| {
        let session = session_store::find(conn, session_id)?.ok_or(RegistrationError::NotFound)?;
        if access.is_focal_point() || !access.may_change(session.row.organising_region_id) {
            return Err(RegistrationError::Refused(Message::id("not-your-region")));
        }
        let Some(r) = store::for_session(conn, session_id)?
            .into_iter()
            .find(|r| crate::domain::secret::same(&r.check_in_code(keys), code))
        else {
            return Err(RegistrationError::Conflict(Message::id("check-in-unknown")));
        };
        if r.status() != RegistrationStatus::Confirmed {
            return Err(RegistrationError::Conflict(Message::new(
                "check-in-not-confirmed",
                vec![("name", r.name.as_str().into()), ("status", r.status().label().into())],
            )));
        }
        if let Some(at) = r.checked_in_at {
            return Ok(CheckedIn { registration: r, already: Some(at) });
        }
        let after = store::check_in(conn, r.id, crate::db::now())?;
        audit::record(
            conn,
            actor,
            "registration.check_in",
            Some(session_id),
            Some(r.id),
            &json!({"attendance": r.attendance.as_str()}),
            &json!({"attendance": "attended", "checked_in_at": after.checked_in_at}),
        )?;
        Ok(CheckedIn { registration: after, already: None })
    })
}

/// What an imported meeting report did.
#[derive(Debug, Default)]
pub struct Imported {
    /// Confirmed registrations marked attended with their minutes.
    pub matched: usize,
    /// People in the report that match no confirmed registration (name, email).
    pub unmatched: Vec<(String, String)>,
}

/// Marks attended, with the minutes present, every confirmed registrant of
/// the session whose email (case apart) is in a meeting report; lists the
/// report's people who match none. One transaction, audited once.
pub fn import_attendance(
    conn: &mut DbConn,
    session_id: crate::db::ids::SessionId,
    people: &[crate::domain::meeting_report::Present],
    access: &crate::domain::scope::Access,
    actor: &str,
) -> Result<Imported, RegistrationError> {
    write_transaction(conn, |conn| {
        let session = session_store::find(conn, session_id)?.ok_or(RegistrationError::NotFound)?;
        if access.is_focal_point() || !access.may_change(session.row.organising_region_id) {
            return Err(RegistrationError::Refused(Message::id("not-your-region")));
        }
        let confirmed: std::collections::HashMap<String, Registration> = store::for_session(conn, session_id)?
            .into_iter()
            .filter(|r| r.status() == RegistrationStatus::Confirmed)
            .map(|r| (r.email.to_lowercase(), r))
            .collect();
        let mut out = Imported::default();
        for p in people {
            match confirmed.get(&p.email) {
                Some(r) => {
                    let minutes = i32::try_from(p.minutes).unwrap_or(i32::MAX);
                    store::set_one_attendance(
                        conn,
                        r.id,
                        Some(crate::domain::registration::Attendance::Attended.as_str()),
                        Some(minutes),
                    )?;
                    out.matched += 1;
                }
                None => out.unmatched.push((p.name.clone(), p.email.clone())),
            }
        }
        audit::record(
            conn,
            actor,
            "registrations.attendance_report",
            Some(session_id),
            None,
            &serde_json::Value::Null,
            &json!({"rows": people.len(), "matched": out.matched, "unmatched": out.unmatched.len()}),
        )?;
        Ok(out)
    })
}

/// A registration with its session's lock taken, inside a write transaction.
fn locked(conn: &mut DbConn, registration_id: RegistrationId) -> Result<(Session, Registration), RegistrationError> {
    let session_id = store::session_of(conn, registration_id)?.ok_or(RegistrationError::NotFound)?;
    session_store::lock(conn, session_id)?;
    // Read again under the lock: its status may have moved meanwhile.
    let r = store::find(conn, registration_id)?.ok_or(RegistrationError::NotFound)?;
    let session = session_store::find(conn, session_id)?.ok_or(RegistrationError::NotFound)?;
    Ok((session, r))
}

fn record(
    conn: &mut DbConn,
    actor: &str,
    action: &str,
    before: &Registration,
    after: &Registration,
) -> diesel::QueryResult<()> {
    audit::record(
        conn,
        actor,
        action,
        Some(before.session_id),
        Some(before.id),
        &json!({"status": before.status}),
        &json!({"status": after.status}),
    )
}

/// Moves a registration out of the session (`next` says where to, None:
/// nowhere), freeing its seat and promoting the next in line, all under
/// the session's lock.
fn leave(
    conn: &mut DbConn,
    registration_id: RegistrationId,
    next: impl Fn(RegistrationStatus) -> Result<Option<RegistrationStatus>, Message>,
    notifier: &dyn Notifier,
    // Organisers' changes are audited; a participant's own are not.
    actor: Option<&str>,
) -> Result<Outcome, RegistrationError> {
    write_transaction(conn, |conn| {
        let (session, r) = locked(conn, registration_id)?;
        let Some(status) = next(r.status()).map_err(RegistrationError::Conflict)? else {
            return Ok(Outcome { registration: r, promoted: Vec::new() });
        };
        let action = match status {
            RegistrationStatus::Rejected => "registration.reject",
            RegistrationStatus::Lapsed => "registration.lapse",
            RegistrationStatus::Declined => "registration.decline",
            _ => "registration.cancel",
        };
        let change = match status {
            RegistrationStatus::Cancelled => Told::Withdrawn,
            RegistrationStatus::Lapsed => Told::Lapsed,
            _ => Told::Rejected,
        };
        let departure = Departure { status, actor: actor.map(|a| (a, action)), change, frees_place: true };
        depart(conn, &session, &r, departure, notifier)
    })
}

/// How a registration leaves its session: the status it ends in, who did
/// it and the audit action (None: the participant, not audited), the news
/// it makes, and whether its place goes back (a replacement takes it over).
pub(crate) struct Departure<'a> {
    pub status: RegistrationStatus,
    pub actor: Option<(&'a str, &'a str)>,
    pub change: Told,
    pub frees_place: bool,
}

/// The news a departure makes (see `db::notify::Change`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Told {
    Withdrawn,
    Rejected,
    Lapsed,
    NominationWithdrawn,
    Replaced,
}

impl Told {
    fn change(self, r: &Registration) -> Change<'_> {
        match self {
            Told::Withdrawn => Change::Withdrawn(r),
            Told::Rejected => Change::Rejected(r),
            Told::Lapsed => Change::Lapsed(r),
            Told::NominationWithdrawn => Change::NominationWithdrawn(r),
            Told::Replaced => Change::Replaced(r),
        }
    }
}

/// The end of every departure, under the session's lock: the new status,
/// a cancelled invite's rising sequence, the audit row, the email, and the
/// freed place going to the next in line.
pub(crate) fn depart(
    conn: &mut DbConn,
    session: &Session,
    r: &Registration,
    how: Departure<'_>,
    notifier: &dyn Notifier,
) -> Result<Outcome, RegistrationError> {
    let held_place = r.status().holds_place();
    let mut registration = store::set_status(conn, r.id, how.status)?;
    // Only a confirmed person was sent an invite to cancel.
    if how.status == RegistrationStatus::Cancelled && r.status() == RegistrationStatus::Confirmed {
        registration = store::bump_calendar(conn, r.id)?;
    }
    if let Some((actor, action)) = how.actor {
        record(conn, actor, action, r, &registration)?;
    }
    notifier.notify(conn, session, how.change.change(&registration))?;
    let promoted = if held_place && how.frees_place {
        free_seat(conn, session, r.attendance_mode)?;
        promote(conn, session.id(), notifier)?
    } else {
        Vec::new()
    };
    Ok(Outcome { registration, promoted })
}
