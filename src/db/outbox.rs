//! The email outbox: rows written with the change that causes them, claimed
//! by a worker under a lease, marked sent right after the SMTP server
//! accepts them, retried with exponential backoff.

use super::DbConn;
use super::models::{NewOutbox, OutboxRow};
use super::schema::outbox;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

pub const QUEUED: &str = "queued";
pub const SENDING: &str = "sending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

/// How long a claimed row is reserved for the worker that claimed it. A
/// worker that dies leaves its rows to be claimed again after this.
pub const LEASE_SECONDS: i64 = 60;
/// Retries stop this long after the email was queued.
pub const GIVE_UP_AFTER_HOURS: i64 = 48;

pub fn enqueue(conn: &mut DbConn, message: &NewOutbox) -> QueryResult<()> {
    super::native!(conn, |c| diesel::insert_into(outbox::table).values(message).execute(c)).map(|_| ())
}

/// The delay before retry `attempt` (1 for the first retry): 10 s,
/// doubling, at most 10 minutes.
pub fn backoff(attempt: i32) -> Duration {
    let exp = attempt.clamp(1, 16) - 1;
    Duration::seconds((10_i64 << exp).min(600))
}

/// Claims up to `limit` due rows (queued and due, or sending with an
/// expired lease) and returns their ids; read them with [`rows`]. On
/// PostgreSQL `FOR UPDATE SKIP LOCKED` keeps two instances off the same
/// rows; on SQLite the write lock does. The ids only: on SQLite the claim
/// runs in the writer, and the messages' bodies are read outside it.
pub fn claim(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<i32>> {
    #[derive(diesel::QueryableByName)]
    struct Claimed {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        id: i32,
    }
    let lease = now + Duration::seconds(LEASE_SECONDS);
    let due = "(status = 'queued' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until < $1)";
    let sql = match conn {
        super::DbConn::Pg(_) => format!(
            "UPDATE outbox SET status = 'sending', lease_until = $2 WHERE id IN \
             (SELECT id FROM outbox WHERE {due} ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING id"
        ),
        // SQLite numbers `$1`-style names by first appearance, which
        // would swap the first two here; `?NNN` is positional.
        super::DbConn::Sqlite(_) => format!(
            "UPDATE outbox SET status = 'sending', lease_until = ?2 WHERE id IN \
             (SELECT id FROM outbox WHERE {due} ORDER BY id LIMIT ?3) RETURNING id"
        )
        .replace("$1", "?1"),
    };
    let claimed: Vec<Claimed> = diesel::sql_query(sql)
        .bind::<diesel::sql_types::Timestamp, _>(now)
        .bind::<diesel::sql_types::Timestamp, _>(lease)
        .bind::<diesel::sql_types::BigInt, _>(limit)
        .load(conn)?;
    let mut ids: Vec<i32> = claimed.into_iter().map(|c| c.id).collect();
    ids.sort_unstable();
    Ok(ids)
}

/// The rows of these ids, oldest first.
pub fn rows(conn: &mut DbConn, ids: &[i32]) -> QueryResult<Vec<OutboxRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    outbox::table.filter(outbox::id.eq_any(ids)).order(outbox::id).select(OutboxRow::as_select()).load(conn)
}

/// Marks rows sent, once the SMTP server (or the file) accepted them.
pub fn mark_sent(conn: &mut DbConn, ids: &[i32], now: NaiveDateTime) -> QueryResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    diesel::update(outbox::table.filter(outbox::id.eq_any(ids)))
        .set((outbox::status.eq(SENT), outbox::sent_at.eq(now), outbox::lease_until.eq(None::<NaiveDateTime>)))
        .execute(conn)
        .map(|_| ())
}

/// Records a failed attempt: retried later, or given up after 48 hours or
/// when the failure is permanent (the address itself is refused).
pub fn mark_failed(
    conn: &mut DbConn,
    row: &OutboxRow,
    error: &str,
    permanent: bool,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let attempts = row.attempts + 1;
    let give_up = permanent || now - row.created_at >= Duration::hours(GIVE_UP_AFTER_HOURS);
    let error: String = error.chars().take(1000).collect();
    diesel::update(outbox::table.find(row.id))
        .set((
            outbox::status.eq(if give_up { FAILED } else { QUEUED }),
            outbox::attempts.eq(attempts),
            outbox::next_attempt_at.eq(now + backoff(attempts)),
            outbox::lease_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(error),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Queued, sent and failed counts and the age of the oldest queued row.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
    pub oldest_queued_seconds: i64,
}

pub fn stats(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Stats> {
    let counts: Vec<(String, i64)> =
        outbox::table.group_by(outbox::status).select((outbox::status, diesel::dsl::count_star())).load(conn)?;
    let count = |s: &str| counts.iter().filter(|(k, _)| k == s).map(|(_, n)| *n).sum::<i64>();
    let oldest: Option<NaiveDateTime> = outbox::table
        .filter(outbox::status.eq_any([QUEUED, SENDING]))
        .select(diesel::dsl::min(outbox::created_at))
        .first(conn)?;
    Ok(Stats {
        queued: count(QUEUED) + count(SENDING),
        sent: count(SENT),
        failed: count(FAILED),
        oldest_queued_seconds: oldest.map(|o| (now - o).num_seconds().max(0)).unwrap_or(0),
    })
}

pub fn recent(conn: &mut DbConn, status: Option<&str>, limit: i64) -> QueryResult<Vec<OutboxRow>> {
    let mut q = outbox::table.select(OutboxRow::as_select()).into_boxed();
    if let Some(s) = status {
        q = q.filter(outbox::status.eq(s.to_string()));
    }
    q.order(outbox::id.desc()).limit(limit).load(conn)
}

/// Makes emails due now: failed ones go back in the queue (with a fresh
/// 48 hours), and queued ones waiting for their next attempt are tried at
/// once — what an operator wants after mending the SMTP server. With an
/// id, only that email.
pub fn retry(conn: &mut DbConn, id: Option<i32>, now: NaiveDateTime) -> QueryResult<usize> {
    let mut failed = diesel::update(outbox::table).filter(outbox::status.eq(FAILED)).into_boxed();
    let mut waiting = diesel::update(outbox::table)
        .filter(outbox::status.eq(QUEUED))
        .filter(outbox::next_attempt_at.gt(now))
        .into_boxed();
    if let Some(id) = id {
        failed = failed.filter(outbox::id.eq(id));
        waiting = waiting.filter(outbox::id.eq(id));
    }
    let revived = failed
        .set((outbox::status.eq(QUEUED), outbox::next_attempt_at.eq(now), outbox::created_at.eq(now)))
        .execute(conn)?;
    let hurried = waiting.set(outbox::next_attempt_at.eq(now)).execute(conn)?;
    Ok(revived + hurried)
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn backoff_starts_within_ten_seconds_and_doubles_to_ten_minutes() {
        let secs: Vec<i64> = (1..=9).map(|a| backoff(a).num_seconds()).collect();
        assert_eq!(secs, [10, 20, 40, 80, 160, 320, 600, 600, 600]);
    }
}
