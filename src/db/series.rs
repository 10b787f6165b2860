//! Recurring series: one row for the series, and an ordinary session per
//! occurrence, all written in one transaction.

use super::models::SeriesRow;
use super::reference::Reference;
use super::schema::series;
use super::sessions::{self, Session, SessionFilter};
use super::{DbConn, write_transaction};
use crate::domain::fields::FieldErrors;
use crate::domain::scope::Scope;
use crate::domain::series::{self as rules, RepeatInput};
use crate::domain::session::{SessionInput, SessionStatus};
use crate::domain::zone::TimeZone;
use crate::error::AppError;
use diesel::prelude::*;
use serde_json::json;

pub struct Created {
    pub series: SeriesRow,
    pub sessions: Vec<Session>,
    /// Occurrences that move for people in zones without daylight saving.
    pub warnings: Vec<String>,
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
    actor: &str,
) -> Result<Created, AppError> {
    let zone = &input.zone;
    let start = zone.at(input.starts_at).local;
    let end = zone.at(input.ends_at).local;
    let dates = rules::dates(start.date(), how.repeat, how.count, how.until);
    if dates.len() < 2 {
        return Err(AppError::Validation(FieldErrors::single(
            "until",
            "a series needs at least two occurrences: give a later date or a count of 2 or more",
        )));
    }
    let occurrences = rules::occurrences(zone, start, end, &dates)
        .map_err(|m| AppError::Validation(FieldErrors::single("starts_at", m)))?;
    let links = sessions::links(reference, input).map_err(AppError::Validation)?;
    let now = super::now();
    let (series_id, ids) = write_transaction(conn, |conn| {
        let row: SeriesRow = diesel::insert_into(series::table)
            .values((
                series::title.eq(&input.title),
                series::time_zone.eq(zone.name()),
                series::repeat.eq(how.repeat.as_str()),
                series::created_at.eq(now),
            ))
            .get_result(conn)?;
        super::audit::record(
            conn,
            actor,
            "series.create",
            None,
            None,
            &serde_json::Value::Null,
            &json!({"series": row.id, "repeat": how.repeat.as_str(), "occurrences": occurrences.len()}),
        )?;
        let mut ids = Vec::new();
        for o in &occurrences {
            let moved = o.starts_at - input.starts_at;
            let mut one = input.clone();
            one.starts_at = o.starts_at;
            one.ends_at = o.ends_at;
            one.registration_opens_at = input.registration_opens_at.map(|t| t + moved);
            one.registration_closes_at = input.registration_closes_at.map(|t| t + moved);
            ids.push(sessions::insert(conn, reference, &one, &links, false, Some(row.id), actor, now)?);
        }
        QueryResult::Ok((row.id, ids))
    })?;
    let example = TimeZone::parse(EXAMPLE_ZONE).map_err(|e| anyhow::anyhow!("{EXAMPLE_ZONE}: {e}"))?;
    let warnings = rules::shift_warnings(zone, &occurrences, &example);
    let notes = occurrences.iter().flat_map(|o| o.notes.clone()).collect();
    let (series, sessions) = find(conn, series_id, true)?.ok_or(AppError::NotFound)?;
    debug_assert_eq!(sessions.len(), ids.len());
    Ok(Created { series, sessions, warnings, notes })
}

/// A series and its occurrences, soonest first; drafts only when asked.
pub fn find(conn: &mut DbConn, id: i32, with_drafts: bool) -> QueryResult<Option<(SeriesRow, Vec<Session>)>> {
    let Some(row) = series::table.find(id).select(SeriesRow::as_select()).first(conn).optional()? else {
        return Ok(None);
    };
    let statuses = if with_drafts {
        SessionStatus::ALL.to_vec()
    } else {
        vec![SessionStatus::Published, SessionStatus::Cancelled]
    };
    let filter = SessionFilter { statuses, series_id: Some(id), limit: 1000, ..SessionFilter::default() };
    Ok(Some((row, sessions::list(conn, &filter)?)))
}

/// A series the public may see, for its feed: one with an occurrence
/// that is not a draft (a draft series is unknown to the public).
pub fn public(conn: &mut DbConn, id: i32) -> QueryResult<Option<SeriesRow>> {
    use super::schema::sessions as s;
    let shown =
        diesel::dsl::exists(s::table.filter(s::series_id.eq(id)).filter(s::status.ne(SessionStatus::Draft.as_str())));
    series::table.find(id).filter(shown).select(SeriesRow::as_select()).first(conn).optional()
}

/// Applies a patch to every occurrence that has not started and is not
/// cancelled, in one transaction: all change or none. Times are changed
/// one occurrence at a time (each on its own session), not here. Every
/// occurrence must be within the actor's scope (read again under the
/// transaction), or nothing changes.
pub fn update_future(
    conn: &mut DbConn,
    reference: &Reference,
    id: i32,
    patch: &serde_json::Map<String, serde_json::Value>,
    scope: &Scope,
    notifier: &dyn super::notify::Notifier,
    actor: &str,
) -> Result<Vec<Session>, AppError> {
    let mut errors = FieldErrors::default();
    for field in ["starts_at", "ends_at", "time_zone"] {
        if patch.contains_key(field) {
            errors.add(field, "change the time of each occurrence on its own session");
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let (_, sessions) = find(conn, id, true)?.ok_or(AppError::NotFound)?;
    let now = super::now();
    let future: Vec<i32> = sessions
        .iter()
        .filter(|s| s.row.starts_at > now && s.status() != SessionStatus::Cancelled)
        .map(|s| s.id())
        .collect();
    write_transaction(conn, |conn| {
        let mut outside = Vec::new();
        for sid in &future {
            let row = sessions::lock_row(conn, *sid)?.ok_or(AppError::NotFound)?;
            if !scope.allows(row.organising_region_id) {
                outside.push(sid.to_string());
            }
        }
        if !outside.is_empty() {
            return Err(AppError::Forbidden(crate::domain::message::Message::new(
                "ws-series-outside-scope",
                vec![("sessions", outside.join(", ").into())],
            )));
        }
        future
            .iter()
            .map(|sid| sessions::update_in(conn, reference, *sid, patch, notifier, actor).map(|(s, _)| s))
            .collect()
    })
}
