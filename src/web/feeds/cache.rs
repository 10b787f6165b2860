//! Rendered feeds kept in memory: a cached feed is served while the data's
//! version (`web::page_cache::Version`: this process's writes, and the
//! change counter read at most once a second) is unchanged, for five
//! minutes at most; rendered events of public feeds are kept per session
//! so that a change re-renders one event, not the feed.

use super::content::{Content, Public, all_named, public, window};
use crate::calendar::{self, FeedInfo, Method};
use crate::db::ids::SessionId;
use crate::db::reference::Reference;
use crate::db::{self, DbConn};
use crate::domain::lang::Lang;
use crate::error::AppError;
use crate::web::page_cache::Version;
use crate::web::{State, blocking};
use actix_web::web;
use chrono::{DateTime, NaiveDateTime, Utc};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

const MAX_AGE: std::time::Duration = std::time::Duration::from_secs(300);
const MAX_ENTRIES: usize = 2000;

/// A rendered feed, ready to serve.
pub struct Rendered {
    version: Version,
    at: Instant,
    pub(super) body: web::Bytes,
    /// Compressed on the first request that accepts gzip, then kept.
    pub(super) gzip: std::sync::OnceLock<web::Bytes>,
    pub(super) etag: String,
    pub(super) last_modified: DateTime<Utc>,
    /// Written once per render, not per request.
    pub(super) last_modified_header: String,
    pub(super) private: bool,
}

#[derive(Default)]
pub struct FeedCache {
    entries: Mutex<HashMap<String, Arc<Rendered>>>,
    /// Rendered VEVENTs of public feeds by session: (the session's
    /// updated_at, when its row was read, the text).
    pub(super) events: EventMap,
}

/// A cached event is trusted only if its row was read this long after the
/// session's last change: `updated_at` has whole seconds, and instances'
/// clocks may differ a little.
pub(super) const EVENT_MARGIN_SECONDS: i64 = 5;

impl FeedCache {
    fn get(&self, key: &str, version: Version) -> Option<Arc<Rendered>> {
        let entries = self.entries.lock().ok()?;
        entries.get(key).filter(|r| r.version == version && r.at.elapsed() < MAX_AGE).cloned()
    }

    fn put(&self, key: String, rendered: Arc<Rendered>) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(key, rendered);
        }
    }
}

/// (Session id, language) → (its updated_at, when its row was read, the VEVENT text).
pub(super) type EventMap = Arc<Mutex<HashMap<(SessionId, Lang), CachedEvent>>>;
pub(super) type CachedEvent = (NaiveDateTime, NaiveDateTime, Arc<str>);

fn render(version: Version, content: Content) -> Result<Rendered, AppError> {
    let info = FeedInfo { name: &content.name, description: &content.description };
    let text = calendar::assemble(Method::Publish, Some(&info), content.blocks.iter().map(|b| &**b));
    let hash = Sha256::digest(text.as_bytes());
    let etag = format!("\"{}\"", hash.iter().take(16).map(|b| format!("{b:02x}")).collect::<String>());
    Ok(Rendered {
        version,
        at: Instant::now(),
        body: web::Bytes::from(text),
        gzip: std::sync::OnceLock::new(),
        etag,
        last_modified: content.last_modified.and_utc(),
        last_modified_header: http_date(content.last_modified.and_utc()),
        private: content.private,
    })
}

fn http_date(t: DateTime<Utc>) -> String {
    t.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// The feed from the cache if still current, else rendered and cached.
pub(super) async fn current<F>(state: &State, key: String, build: F) -> Result<Arc<Rendered>, AppError>
where
    F: FnOnce(&mut DbConn, &Reference) -> Result<Option<Content>, AppError> + Send + 'static,
{
    // The pages' reading of the data's version: this instance's writes at
    // once, another instance's within a second.
    let version = state.pages.version(state).await?;
    let rendered = match state.feeds.get(&key, version) {
        Some(r) => r,
        None => {
            let reference = state.reference();
            let content =
                blocking(&state.pool, move |conn| build(conn, &reference)).await?.ok_or(AppError::NotFound)?;
            let rendered = Arc::new(
                web::block(move || render(version, content)).await.map_err(|e| AppError::Internal(e.into()))??,
            );
            state.feeds.put(key, rendered.clone());
            rendered
        }
    };
    Ok(rendered)
}

/// Renders the all-sessions feed once at start, in the background, so the
/// first calendar client does not wait for a cold render and every public
/// feed finds its events already rendered.
pub async fn warm(state: State) {
    let started = Instant::now();
    let base = state.base_url.clone();
    let events = state.feeds.events.clone();
    let pool = Some(state.pool.clone());
    let result = current(&state, "all:en".into(), move |conn, reference| {
        let (name, description) = all_named(Lang::En, &reference.settings.network_name);
        let feed = Public { filter: window(db::now()), lang: Lang::En, name, description, pool };
        Ok(Some(public(conn, reference, &base, &events, feed)?))
    })
    .await;
    match result {
        Ok(_) => tracing::info!(ms = started.elapsed().as_millis() as u64, "feeds warmed"),
        Err(e) => tracing::warn!(error = ?e, "feeds not warmed"),
    }
}
