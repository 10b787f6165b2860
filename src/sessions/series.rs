//! Recurring series: one row for the series and an ordinary session per
//! occurrence, all written in one transaction; later changes to every
//! future occurrence, all or none.

use super::{Actor, SessionError, update_in};
use crate::db::ids::{SeriesId, SessionId};
use crate::db::models::SeriesRow;
use crate::db::notify::Notifier;
use crate::db::reference::Reference;
use crate::db::series as store;
use crate::db::sessions::{self as session_store, Session};
use crate::db::{self, DbConn, audit, write_transaction};
use crate::domain::fields::FieldErrors;
use crate::domain::message::Message;
use crate::domain::series::{self as rules, RepeatInput};
use crate::domain::session::{SessionFields, SessionInput, SessionStatus};
use crate::domain::zone::TimeZone;
use serde_json::json;

pub struct Created {
    pub series: SeriesRow,
    pub sessions: Vec<Session>,
    /// Occurrences that move for people in zones without daylight saving.
    pub warnings: Vec<crate::domain::message::Message>,
    pub notes: Vec<String>,
}

/// The zone the shift warnings use as their example: the network's first
/// region, South-East Asia, keeps no daylight saving time.
const EXAMPLE_ZONE: &str = "Asia/Jakarta";

pub fn create(
    conn: &mut DbConn,
    reference: &Reference,
    input: &SessionInput,
    how: &RepeatInput,
    by: &Actor,
) -> Result<Created, SessionError> {
    let zone = &input.zone;
    let start = zone.at(input.starts_at).local;
    let end = zone.at(input.ends_at).local;
    let dates = rules::dates(start.date(), how.repeat, how.count, how.until);
    if dates.len() < 2 {
        return Err(SessionError::Invalid(FieldErrors::single(
            "until",
            "a series needs at least two occurrences: give a later date or a count of 2 or more",
        )));
    }
    let occurrences = rules::occurrences(zone, start, end, &dates)
        .map_err(|m| SessionError::Invalid(FieldErrors::single("starts_at", m)))?;
    let links = session_store::links(reference, input).map_err(SessionError::Invalid)?;
    by.may_change(links.organising_region_id())?;
    let now = db::now();
    let series_id = write_transaction(conn, |conn| {
        let row = store::insert(conn, &input.title, zone, how.repeat.as_str())?;
        audit::record(
            conn,
            &by.name,
            "series.create",
            None,
            None,
            &serde_json::Value::Null,
            &json!({"series": row.id, "repeat": how.repeat.as_str(), "occurrences": occurrences.len()}),
        )?;
        for o in &occurrences {
            let moved = o.starts_at - input.starts_at;
            let mut one = input.clone();
            one.starts_at = o.starts_at;
            one.ends_at = o.ends_at;
            one.registration_opens_at = input.registration_opens_at.map(|t| t + moved);
            one.registration_closes_at = input.registration_closes_at.map(|t| t + moved);
            session_store::insert(conn, reference, &one, &links, false, Some(row.id), &by.name, now)?;
        }
        diesel::QueryResult::Ok(row.id)
    })?;
    let example =
        TimeZone::parse(EXAMPLE_ZONE).map_err(|e| SessionError::Internal(anyhow::anyhow!("{EXAMPLE_ZONE}: {e}")))?;
    let warnings = rules::shift_warnings(zone, &occurrences, &example);
    let notes = occurrences.iter().flat_map(|o| o.notes.clone()).collect();
    let (series, sessions) = store::find(conn, series_id, true)?.ok_or(SessionError::NotFound)?;
    Ok(Created { series, sessions, warnings, notes })
}

/// Applies a patch to every occurrence that has not started and is not
/// cancelled, in one transaction: all change or none. Times are changed
/// one occurrence at a time (each on its own session), not here. Every
/// occurrence must be within the actor's scope (read again under the
/// transaction), or nothing changes.
pub fn update_future(
    conn: &mut DbConn,
    reference: &Reference,
    id: SeriesId,
    patch: &SessionFields,
    notifier: &dyn Notifier,
    by: &Actor,
) -> Result<Vec<Session>, SessionError> {
    let mut errors = FieldErrors::default();
    for (field, value) in
        [("starts_at", &patch.starts_at), ("ends_at", &patch.ends_at), ("time_zone", &patch.time_zone)]
    {
        if !value.is_absent() {
            errors.add(field, "change the time of each occurrence on its own session");
        }
    }
    if !errors.is_empty() {
        return Err(SessionError::Invalid(errors));
    }
    let (_, sessions) = store::find(conn, id, true)?.ok_or(SessionError::NotFound)?;
    // The patch is checked even when no occurrence is left to change: a
    // wrong field is a 422 whatever the series' state.
    if let Some(any) = sessions.first() {
        let merged = any.fields(reference).overlay(patch.clone());
        SessionInput::parse(&merged, any.status() == SessionStatus::Cancelled).map_err(SessionError::Invalid)?;
    }
    let now = db::now();
    let future: Vec<SessionId> = sessions
        .iter()
        .filter(|s| s.row.starts_at > now && s.status() != SessionStatus::Cancelled)
        .map(|s| s.id())
        .collect();
    write_transaction(conn, |conn| {
        let mut outside = Vec::new();
        for sid in &future {
            let row = session_store::lock_row(conn, *sid)?.ok_or(SessionError::NotFound)?;
            if !by.scope.allows(row.organising_region_id) {
                outside.push(sid.to_string());
            }
        }
        if !outside.is_empty() {
            return Err(SessionError::Refused(Message::new(
                "ws-series-outside-scope",
                vec![("sessions", outside.join(", ").into())],
            )));
        }
        future.iter().map(|sid| update_in(conn, reference, *sid, patch, notifier, by).map(|(s, _)| s)).collect()
    })
}
