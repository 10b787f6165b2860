//! Rendered public pages kept in memory (issue 19): the session page and
//! the home page cost a lookup while nothing they show has changed. A
//! page is keyed by everything it depends on — its path and query, the
//! reader's language, zone and where the zone came from, the reference
//! data's generation — and stamped with the version of the data: this
//! process's committed writes (so its own changes show at once) and the
//! database's change counter (read at most once a second, so another
//! instance's changes show within a second). A page is kept 30 s at most,
//! because some of what it says moves with the clock alone (a
//! registration window opening or closing).

use crate::db;
use crate::error::AppError;
use crate::web::{PageError, State, blocking};
use actix_web::web::Bytes;
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

const MAX_AGE: Duration = Duration::from_secs(30);
const COUNTER_EVERY: Duration = Duration::from_secs(1);
const MAX_ENTRIES: usize = 5000;
/// A longer query is not kept (nobody's link is that long).
const MAX_KEY: usize = 600;

/// The data a page (or a feed, `web::feeds::cache`) was rendered from:
/// this process's writes and the database's counter.
pub type Version = (u64, i64);

#[derive(Default)]
pub struct PageCache {
    entries: Mutex<HashMap<String, (Version, Instant, Bytes)>>,
    counter: AtomicI64,
    counter_read: Mutex<Option<Instant>>,
}

impl PageCache {
    /// The data's version now: the change counter is read again when the
    /// last reading is more than a second old, so most requests make no
    /// trip to the blocking pool or the database.
    pub async fn version(&self, state: &State) -> Result<Version, AppError> {
        let local = db::local_writes();
        let stale = self.counter_read.lock().map(|at| at.is_none_or(|t| t.elapsed() >= COUNTER_EVERY)).unwrap_or(true);
        if stale {
            let counter = blocking(&state.pool, |conn| db::change_counter(conn).map_err(AppError::from)).await?;
            self.counter.store(counter, Ordering::Release);
            if let Ok(mut at) = self.counter_read.lock() {
                *at = Some(Instant::now());
            }
        }
        Ok((local, self.counter.load(Ordering::Acquire)))
    }

    fn get(&self, key: &str, version: Version) -> Option<Bytes> {
        let entries = self.entries.lock().ok()?;
        entries.get(key).filter(|(v, at, _)| *v == version && at.elapsed() < MAX_AGE).map(|(_, _, b)| b.clone())
    }

    fn put(&self, key: String, version: Version, body: Bytes) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(key, (version, Instant::now(), body));
        }
    }
}

/// The page under `key`, rendered by `render` when it is not kept or the
/// data moved on since. The version is taken before rendering, so a page
/// rendered from older data than its stamp is impossible; at worst one
/// rendered from newer data is rendered again.
pub async fn page<F, Fut>(state: &State, key: String, render: F) -> Result<Bytes, PageError>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<String, PageError>>,
{
    let cache = &state.pages;
    let version = cache.version(state).await?;
    if key.len() <= MAX_KEY
        && let Some(body) = cache.get(&key, version)
    {
        return Ok(body);
    }
    let body = Bytes::from(render().await?);
    if key.len() <= MAX_KEY {
        cache.put(key, version, body.clone());
    }
    Ok(body)
}

/// What a public page depends on besides the data: the path and the
/// query in one order, the language, the zone and its source, the
/// reference data's generation.
pub fn key(req: &actix_web::HttpRequest, viewer: &crate::web::public::Viewer, generation: i64) -> String {
    let mut query: Vec<&str> = req.query_string().split('&').filter(|p| !p.is_empty()).collect();
    query.sort_unstable();
    format!(
        "{}?{}|{}|{}|{:?}|{generation}",
        req.path(),
        query.join("&"),
        viewer.lang.tag(),
        viewer.zone.name(),
        viewer.source
    )
}
