//! Recurring series in storage: one row for the series, and an ordinary
//! session per occurrence (see `crate::sessions::series`).

use super::DbConn;
use super::ids::SeriesId;
use super::models::SeriesRow;
use super::schema::series;
use super::sessions::{self, Session, SessionFilter};
use crate::domain::session::SessionStatus;
use crate::domain::zone::TimeZone;
use diesel::prelude::*;

/// Stores a series' own row; its occurrences are ordinary sessions.
pub fn insert(conn: &mut DbConn, title: &str, zone: &TimeZone, repeat: &str) -> QueryResult<SeriesRow> {
    diesel::insert_into(series::table)
        .values((
            series::title.eq(title),
            series::time_zone.eq(zone.name()),
            series::repeat.eq(repeat),
            series::created_at.eq(super::now()),
        ))
        .get_result(conn)
}

/// A series and its occurrences, soonest first; drafts only when asked.
pub fn find(conn: &mut DbConn, id: SeriesId, with_drafts: bool) -> QueryResult<Option<(SeriesRow, Vec<Session>)>> {
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
pub fn public(conn: &mut DbConn, id: SeriesId) -> QueryResult<Option<SeriesRow>> {
    use super::schema::sessions as s;
    let shown =
        diesel::dsl::exists(s::table.filter(s::series_id.eq(id)).filter(s::status.ne(SessionStatus::Draft.as_str())));
    series::table.find(id).filter(shown).select(SeriesRow::as_select()).first(conn).optional()
}
