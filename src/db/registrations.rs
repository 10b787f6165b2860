//! Registrations in storage. The rules that protect capacity run in
//! `crate::registrations`, inside one transaction that first takes the
//! session's lock (see `sessions::lock`); the seat count's own UPDATE
//! holds capacity even so.

use super::DbConn;
use super::ids::{RegistrationId, SeriesId, SessionId};
use super::models::{NewRegistration, Registration};
use super::reference::Reference;
use super::schema::{registrations, sessions, waitlist_lengths};
use super::sessions::{self as session_store, Session};
use crate::domain::lang::Lang;
use crate::domain::message::Arg;
use crate::domain::registration::RegistrationStatus;
use crate::domain::secret::{Keys, digest};
use crate::domain::session::SessionStatus;
use chrono::NaiveDateTime;
use diesel::prelude::*;

pub const MANAGE_PREFIX: &str = "m_";
pub const FEED_PREFIX: &str = "f_";

impl Registration {
    pub fn status(&self) -> RegistrationStatus {
        self.status
    }

    /// The language their emails and invites are written in.
    pub fn lang(&self) -> Lang {
        self.language
    }
}

impl Registration {
    /// The code shown at the door (see `Keys::check_in_code`).
    pub fn check_in_code(&self, keys: &Keys) -> String {
        keys.check_in_code(&self.secret_nonce)
    }

    pub fn manage_token(&self, keys: &Keys) -> String {
        keys.manage_token(&self.secret_nonce)
    }

    pub fn feed_token(&self, keys: &Keys) -> String {
        keys.feed_token(&self.secret_nonce, self.feed_generation)
    }
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

pub fn find(conn: &mut DbConn, id: RegistrationId) -> QueryResult<Option<Registration>> {
    registrations::table.find(id).select(Registration::as_select()).first(conn).optional()
}

/// The session a registration belongs to.
pub fn session_of(conn: &mut DbConn, id: RegistrationId) -> QueryResult<Option<SessionId>> {
    registrations::table.find(id).select(registrations::session_id).first(conn).optional()
}

/// This address's registration for this session, in whatever status.
pub fn in_session(conn: &mut DbConn, session_id: SessionId, email: &str) -> QueryResult<Option<Registration>> {
    super::native!(conn, |c| registrations::table
        .filter(registrations::session_id.eq(session_id))
        .filter(registrations::email.eq(email))
        .select(Registration::as_select())
        .first(c)
        .optional())
}

/// Registrations made for the whole of a series, by address then date:
/// every one (the workspace's series page), or one address's (its
/// invites, see `sessions::calendar::SeriesInvite`).
pub fn series_registrants(
    conn: &mut DbConn,
    series_id: SeriesId,
    email: Option<&str>,
) -> QueryResult<Vec<Registration>> {
    let mut q = registrations::table
        .inner_join(sessions::table)
        .filter(sessions::series_id.eq(series_id))
        .filter(registrations::series_invite.eq(true))
        .into_boxed();
    if let Some(email) = email {
        q = q.filter(registrations::email.eq(email.to_string()));
    }
    q.order((registrations::email, sessions::starts_at)).select(Registration::as_select()).load(conn)
}

/// Whether an address holds registrations made for the whole of a series
/// (one look-up, without reading them).
pub fn holds_series(conn: &mut DbConn, series_id: SeriesId, email: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        registrations::table
            .inner_join(sessions::table)
            .filter(sessions::series_id.eq(series_id))
            .filter(registrations::series_invite.eq(true))
            .filter(registrations::email.eq(email.to_string())),
    ))
    .get_result(conn)
}

/// Marks registrations as made for the whole series, in the transaction
/// that made them.
pub fn mark_series_invites(conn: &mut DbConn, ids: &[RegistrationId]) -> QueryResult<usize> {
    diesel::update(registrations::table.filter(registrations::id.eq_any(ids)))
        .set(registrations::series_invite.eq(true))
        .execute(conn)
}

/// Inserts a registration in place of `replaces` (a cancelled one of the
/// same person): the old row goes, and the new one takes its place at the
/// back of any queue (queues follow ids).
pub fn insert(
    conn: &mut DbConn,
    row: &NewRegistration<'_>,
    replaces: Option<RegistrationId>,
) -> QueryResult<Registration> {
    if let Some(old) = replaces {
        diesel::delete(registrations::table.find(old)).execute(conn)?;
    }
    super::native!(conn, |c| diesel::insert_into(registrations::table).values(row).get_result(c))
}

/// Everyone on a session's waiting list, in arrival order.
pub fn waiting(conn: &mut DbConn, session_id: SessionId) -> QueryResult<Vec<Registration>> {
    registrations::table
        .filter(registrations::session_id.eq(session_id))
        .filter(registrations::status.eq(RegistrationStatus::Waitlisted.as_str()))
        .order(registrations::id)
        .select(Registration::as_select())
        .load(conn)
}

/// The places a country's participants hold in a session (confirmed or
/// nominated, like seats). Read under the session's lock, so it cannot move meanwhile.
pub fn places_held(conn: &mut DbConn, session_id: SessionId, iso2: &str) -> QueryResult<i64> {
    registrations::table
        .filter(registrations::session_id.eq(session_id))
        .filter(registrations::country_iso2.eq(iso2))
        .filter(registrations::status.eq_any(RegistrationStatus::HOLDING.map(RegistrationStatus::as_str)))
        .count()
        .get_result(conn)
}

/// A nominee's acceptance: their consent now, and the zone they chose.
pub fn record_consent(
    conn: &mut DbConn,
    id: RegistrationId,
    zone: Option<&str>,
    answers: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(registrations::table.find(id))
        .set((registrations::consented_at.eq(now), registrations::updated_at.eq(now)))
        .execute(conn)?;
    if let Some(zone) = zone {
        diesel::update(registrations::table.find(id)).set(registrations::time_zone.eq(zone)).execute(conn)?;
    }
    if let Some(answers) = answers {
        diesel::update(registrations::table.find(id)).set(registrations::answers.eq(answers)).execute(conn)?;
    }
    Ok(())
}

/// Nominations still unanswered whose session's nominations closed by
/// `now`, or that were made before `made_before`.
pub fn unanswered_nominations(
    conn: &mut DbConn,
    now: NaiveDateTime,
    made_before: NaiveDateTime,
) -> QueryResult<Vec<RegistrationId>> {
    registrations::table
        .inner_join(sessions::table)
        .filter(registrations::status.eq(RegistrationStatus::Nominated.as_str()))
        .filter(sessions::nominations_close_at.le(now).or(registrations::created_at.le(made_before)))
        .select(registrations::id)
        .order(registrations::id)
        .load(conn)
}

/// The cancellation for their calendar must outrank the invite they hold.
pub fn bump_calendar(conn: &mut DbConn, id: RegistrationId) -> QueryResult<Registration> {
    diesel::update(registrations::table.find(id))
        .set(registrations::calendar_bump.eq(registrations::calendar_bump + 1))
        .get_result(conn)
}

/// Takes one seat if one is free. The condition is in the UPDATE itself,
/// so capacity holds even if a caller forgot the lock.
pub fn take_seat(conn: &mut DbConn, session_id: SessionId) -> QueryResult<bool> {
    struct TakeSeat;
    impl super::FixedSql for TakeSeat {
        const SQL: &'static [&'static str] = &[
            "UPDATE sessions SET seats_taken = seats_taken + 1 WHERE id = ",
            " AND (capacity IS NULL OR seats_taken < capacity)",
        ];
    }
    super::native!(conn, |c| super::Fixed::<TakeSeat>::new(&[session_id.0]).execute(c)).map(|n| n == 1)
}

/// Takes one of a hybrid session's seats in the room, if one is free (the
/// condition in the UPDATE, as for [`take_seat`]).
pub fn take_room_seat(conn: &mut DbConn, session_id: SessionId) -> QueryResult<bool> {
    struct TakeRoomSeat;
    impl super::FixedSql for TakeRoomSeat {
        const SQL: &'static [&'static str] = &[
            "UPDATE session_venues SET room_seats_taken = room_seats_taken + 1 WHERE session_id = ",
            " AND (in_person_capacity IS NULL OR room_seats_taken < in_person_capacity)",
        ];
    }
    super::native!(conn, |c| super::Fixed::<TakeRoomSeat>::new(&[session_id.0]).execute(c)).map(|n| n == 1)
}

pub fn free_room_seat(conn: &mut DbConn, session_id: SessionId) -> QueryResult<()> {
    use super::schema::session_venues as v;
    diesel::update(v::table.find(session_id).filter(v::room_seats_taken.gt(0)))
        .set(v::room_seats_taken.eq(v::room_seats_taken - 1))
        .execute(conn)
        .map(|_| ())
}

/// A registration's way of coming, and whether it waits for the room.
pub fn set_mode(conn: &mut DbConn, id: RegistrationId, mode: &str, wants_room: bool) -> QueryResult<Registration> {
    diesel::update(registrations::table.find(id))
        .set((
            registrations::attendance_mode.eq(mode),
            registrations::wants_room.eq(wants_room),
            registrations::updated_at.eq(super::now()),
        ))
        .get_result(conn)
}

pub fn free_seat(conn: &mut DbConn, session_id: SessionId) -> QueryResult<()> {
    diesel::update(sessions::table.find(session_id).filter(sessions::seats_taken.gt(0)))
        .set(sessions::seats_taken.eq(sessions::seats_taken - 1))
        .execute(conn)
        .map(|_| ())
}

pub fn set_status(conn: &mut DbConn, id: RegistrationId, status: RegistrationStatus) -> QueryResult<Registration> {
    diesel::update(registrations::table.find(id))
        .set((registrations::status.eq(status.as_str()), registrations::updated_at.eq(super::now())))
        .get_result(conn)
}

/// 1 for the first in the queue; None when not waitlisted. Counted from
/// the back: the list's length (kept by the database's triggers, see the
/// migration `waitlist_lengths`) less those who came after, so that a new
/// entry, the last, costs two look-ups however long the list.
pub fn waitlist_position(conn: &mut DbConn, r: &Registration) -> QueryResult<Option<i64>> {
    if r.status() != RegistrationStatus::Waitlisted {
        return Ok(None);
    }
    let waiting = registrations::table
        .filter(registrations::session_id.eq(r.session_id))
        .filter(registrations::status.eq(RegistrationStatus::Waitlisted.as_str()));
    let length: Option<i32> = super::native!(conn, |c| waitlist_lengths::table
        .find(r.session_id)
        .select(waitlist_lengths::waitlisted)
        .first(c)
        .optional())?;
    let Some(length) = length else {
        // Never so while triggers keep the table; counted the long way then.
        let ahead: i64 = waiting.filter(registrations::id.lt(r.id)).count().get_result(conn)?;
        return Ok(Some(ahead + 1));
    };
    let behind: i64 = super::native!(conn, |c| waiting.filter(registrations::id.gt(r.id)).count().get_result(c))?;
    Ok(Some(i64::from(length) - behind))
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

/// Confirmed, waitlisted and pending registrations of each session, counted
/// by the database (a listing must not read every registration).
pub fn status_counts(
    conn: &mut DbConn,
    ids: &[SessionId],
) -> QueryResult<std::collections::HashMap<SessionId, StatusCounts>> {
    let mut out: std::collections::HashMap<SessionId, StatusCounts> = std::collections::HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(SessionId, String, i64)> = registrations::table
            .filter(registrations::session_id.eq_any(chunk))
            .group_by((registrations::session_id, registrations::status))
            .select((registrations::session_id, registrations::status, diesel::dsl::count_star()))
            .load(conn)?;
        for (id, status, n) in rows {
            let counts = out.entry(id).or_default();
            let n = usize::try_from(n).unwrap_or(0);
            match RegistrationStatus::parse(&status) {
                Some(RegistrationStatus::Confirmed) => counts.confirmed = n,
                Some(RegistrationStatus::Waitlisted) => counts.waiting = n,
                Some(RegistrationStatus::PendingApproval) => counts.pending = n,
                _ => {}
            }
        }
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub confirmed: usize,
    pub waiting: usize,
    pub pending: usize,
}

pub fn for_session(conn: &mut DbConn, session_id: SessionId) -> QueryResult<Vec<Registration>> {
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
pub fn active(conn: &mut DbConn, session_id: SessionId) -> QueryResult<Vec<Registration>> {
    registrations::table
        .filter(registrations::session_id.eq(session_id))
        .filter(registrations::status.eq_any(RegistrationStatus::ACTIVE.map(RegistrationStatus::as_str)))
        .order(registrations::id)
        .select(Registration::as_select())
        .load(conn)
}

/// Confirmed registrations for published sessions that start after `now`
/// and at or before `horizon` whose reminder `slot` (1 or 2) is not yet
/// marked, as (registration, session) ids.
pub fn reminder_candidates(
    conn: &mut DbConn,
    slot: u8,
    now: NaiveDateTime,
    horizon: NaiveDateTime,
) -> QueryResult<Vec<(RegistrationId, SessionId)>> {
    let rows = registrations::table
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
        .load::<(RegistrationId, SessionId, Option<NaiveDateTime>, Option<NaiveDateTime>)>(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(_, _, first, second)| if slot == 1 { first.is_none() } else { second.is_none() })
        .map(|(r, s, _, _)| (r, s))
        .collect())
}

/// Marks reminder `slot` (1 or 2) of a registration as dealt with.
/// Marks a reminder sent, if it was not yet: false when another instance
/// (or an earlier round) marked it first, so that only one sends it.
pub fn mark_reminder(conn: &mut DbConn, id: RegistrationId, slot: u8, now: NaiveDateTime) -> QueryResult<bool> {
    let row = registrations::table.find(id);
    let marked = if slot == 1 {
        diesel::update(row.filter(registrations::reminder_first_sent_at.is_null()))
            .set(registrations::reminder_first_sent_at.eq(now))
            .execute(conn)?
    } else {
        diesel::update(row.filter(registrations::reminder_second_sent_at.is_null()))
            .set(registrations::reminder_second_sent_at.eq(now))
            .execute(conn)?
    };
    Ok(marked == 1)
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
        .filter(registrations::status.eq_any(RegistrationStatus::ACTIVE.map(RegistrationStatus::as_str)))
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

/// Marks confirmed registrations of a session as `attended` or `no_show`
/// (None clears the mark). Returns how many were marked.
/// One registration's attendance (None: unmarked) and minutes present.
pub fn set_one_attendance(
    conn: &mut DbConn,
    id: RegistrationId,
    mark: Option<&str>,
    minutes: Option<i32>,
) -> QueryResult<Registration> {
    diesel::update(registrations::table.find(id))
        .set((
            registrations::attendance.eq(mark),
            registrations::attended_minutes.eq(minutes),
            registrations::updated_at.eq(super::now()),
        ))
        .get_result(conn)
}

/// Checked in at the door: attended, and the time of the first check-in.
pub fn check_in(conn: &mut DbConn, id: RegistrationId, now: chrono::NaiveDateTime) -> QueryResult<Registration> {
    diesel::update(registrations::table.find(id))
        .set((
            registrations::attendance.eq(Some(crate::domain::registration::Attendance::Attended.as_str())),
            registrations::checked_in_at.eq(Some(now)),
            registrations::updated_at.eq(now),
        ))
        .get_result(conn)
}

pub fn set_attendance(
    conn: &mut DbConn,
    session_id: SessionId,
    ids: &[RegistrationId],
    mark: Option<&str>,
    actor: &str,
) -> QueryResult<usize> {
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

/// A session's registrants from these countries: what a focal point sees.
pub fn of_countries(conn: &mut DbConn, session_id: SessionId, countries: &[String]) -> QueryResult<Vec<Registration>> {
    registrations::table
        .filter(registrations::session_id.eq(session_id))
        .filter(registrations::country_iso2.eq_any(countries))
        .order(registrations::id)
        .select(Registration::as_select())
        .load(conn)
}

/// A country's registrations for the published or held sessions that start
/// in `[from, to)`, in the order the sessions start: a country's year.
pub fn of_country_between(
    conn: &mut DbConn,
    iso2: &str,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<Registration>> {
    registrations::table
        .inner_join(sessions::table)
        .filter(registrations::country_iso2.eq(iso2))
        .filter(sessions::starts_at.ge(from))
        .filter(sessions::starts_at.lt(to))
        .filter(sessions::status.ne(SessionStatus::Draft.as_str()))
        .order((sessions::starts_at, registrations::id))
        .select(Registration::as_select())
        .load(conn)
}

/// The registrations that stand (or stood, for a session held) of these
/// sessions: what a report counts.
pub fn standing_for(conn: &mut DbConn, sessions: &[SessionId]) -> QueryResult<Vec<Registration>> {
    let mut out = Vec::new();
    for chunk in sessions.chunks(500) {
        out.extend(
            registrations::table
                .filter(registrations::session_id.eq_any(chunk))
                .filter(registrations::status.eq_any(RegistrationStatus::ACTIVE.map(RegistrationStatus::as_str)))
                .order(registrations::id)
                .select(Registration::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}
