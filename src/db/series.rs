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

/// What a listing says of a series: how it repeats, how many of its dates
/// are still to come and go ahead, the first and last of them.
#[derive(Debug, Clone)]
pub struct Upcoming {
    pub id: SeriesId,
    pub repeat: String,
    pub dates: i64,
    pub first: chrono::NaiveDateTime,
    pub last: chrono::NaiveDateTime,
}

/// [`Upcoming`] for each of `ids` that has a date to come: two queries
/// for a page, whatever its number of series.
pub fn upcoming(conn: &mut DbConn, ids: &[SeriesId], now: chrono::NaiveDateTime) -> QueryResult<Vec<Upcoming>> {
    use super::schema::sessions as s;
    use diesel::dsl::{count_star, max, min};
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    type Row = (Option<SeriesId>, i64, Option<chrono::NaiveDateTime>, Option<chrono::NaiveDateTime>);
    let counts: Vec<Row> = s::table
        .filter(s::series_id.eq_any(ids))
        .filter(s::status.eq(SessionStatus::Published.as_str()))
        .filter(s::ends_at.ge(now))
        .group_by(s::series_id)
        .select((s::series_id, count_star(), min(s::starts_at), max(s::starts_at)))
        .load(conn)?;
    let repeats: Vec<(SeriesId, String)> =
        series::table.filter(series::id.eq_any(ids)).select((series::id, series::repeat)).load(conn)?;
    Ok(counts
        .into_iter()
        .filter_map(|(id, dates, first, last)| {
            let id = id?;
            let repeat = repeats.iter().find(|(r, _)| *r == id)?.1.clone();
            Some(Upcoming { id, repeat, dates, first: first?, last: last? })
        })
        .collect())
}
