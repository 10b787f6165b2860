//! Retention: personal data goes a set number of days after a session ends.

use crate::db::privacy;
use crate::db::{DbConn, write_transaction};
use crate::domain::secret::new_secret;
use anyhow::Context;

/// Anonymises every registration whose session ended more than `days`
/// ago, a few hundred per transaction. Returns how many were anonymised.
pub fn purge(conn: &mut DbConn, days: i64, now: chrono::NaiveDateTime) -> anyhow::Result<usize> {
    let ids =
        privacy::expired(conn, now - chrono::Duration::days(days)).context("cannot read expired registrations")?;
    let mut done = 0;
    for chunk in ids.chunks(200) {
        let gone = new_secret("").map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        done += write_transaction(conn, |conn| privacy::anonymise(conn, chunk, &gone)).context("anonymising failed")?;
    }
    Ok(done)
}
