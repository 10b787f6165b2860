//! What each feed holds: the public feeds (a window of published and
//! recently cancelled sessions, narrowed by region, country, topic or
//! series) and a person's own feed.

use super::cache::{CachedEvent, EVENT_MARGIN_SECONDS, EventMap};
use crate::calendar::{self, Method};
use crate::db::ids::SessionId;
use crate::db::models::Registration;
use crate::db::reference::Reference;
use crate::db::sessions::{self as session_store, Session, SessionFilter};
use crate::db::{self, DbConn};
use crate::domain::lang::Lang;
use crate::domain::session::SessionStatus;
use crate::error::AppError;
use crate::i18n;
use crate::sessions::calendar::{Audience, event_for};
use chrono::{Duration, NaiveDateTime, Utc};
use std::collections::HashMap;
use std::sync::Arc;

/// Past sessions stay in feeds this long; cancelled ones for 30 days.
pub const PAST_DAYS: i64 = 90;
const CANCELLED_DAYS: i64 = 30;
/// From this many events to render, they are shared out over the cores.
const PARALLEL_FROM: usize = 512;

/// What a feed contains, built on the blocking pool.
pub(super) struct Content {
    pub name: String,
    pub description: String,
    pub blocks: Vec<Arc<str>>,
    pub last_modified: NaiveDateTime,
    pub private: bool,
}

/// A shared feed's name and description in its language; the description
/// names the network as an admin named it (`domain::lang::network_name`).
pub(super) fn all_named(lang: Lang, network: &str) -> (String, String) {
    let description = match crate::domain::lang::network_name(lang, network) {
        (_, false) => i18n::t(lang, "feed-all-description"),
        (name, true) => i18n::message(lang, "feed-all-description-custom", &[("network", name.into())]),
    };
    (i18n::t(lang, "feed-all-name"), description)
}

pub(super) fn window(now: NaiveDateTime) -> SessionFilter {
    SessionFilter {
        statuses: vec![SessionStatus::Published, SessionStatus::Cancelled],
        ends_after: Some(now - Duration::days(PAST_DAYS)),
        limit: 100_000,
        ..SessionFilter::default()
    }
}

fn keep(s: &Session, now: NaiveDateTime) -> bool {
    s.status() != SessionStatus::Cancelled || s.row.starts_at >= now - Duration::days(CANCELLED_DAYS)
}

/// A session as a feed shows it: the one event (see `sessions::calendar`)
/// with the session's topics, named in the feed's language.
pub(super) fn feed_event(
    s: &Session,
    reference: &Reference,
    base_url: &str,
    audience: &Audience,
    lang: Lang,
) -> calendar::Event {
    let mut event = event_for(s, base_url, audience);
    event.categories =
        s.topic_ids.iter().filter_map(|id| reference.topic_by_id(*id)).map(|t| t.name_in(lang)).collect();
    event
}

/// A public feed: reads only the ids and stamps of its sessions, and the
/// full rows of those whose cached event (in this language) is missing or
/// stale.
pub(super) struct Public {
    pub filter: SessionFilter,
    pub lang: Lang,
    pub name: String,
    pub description: String,
    /// More connections, for reading a cold feed in parts at once.
    pub pool: Option<db::Pool>,
}

pub(super) fn public(
    conn: &mut DbConn,
    reference: &Reference,
    base_url: &str,
    events: &EventMap,
    feed: Public,
) -> Result<Content, AppError> {
    let Public { filter, lang, name, description, pool } = feed;
    let now = db::now();
    // Nothing rendered yet in this language (at start): every session is
    // read whole at once, and their stamps come from those rows.
    let cold = {
        let map = events.lock().map_err(|_| AppError::Internal(anyhow::anyhow!("feed cache poisoned")))?;
        !map.keys().any(|(_, l)| *l == lang)
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let read_at = db::now();
    let (stamps, sessions): (Vec<_>, Option<Vec<Session>>) = if cold {
        let all = match pool {
            Some(pool) if threads > 1 => read_in_parts(&pool, &filter, threads)?,
            _ => session_store::list_all(conn, &filter)?,
        };
        (all.iter().map(Session::stamp).collect(), Some(all))
    } else {
        (session_store::stamps(conn, &filter)?, None)
    };
    let stamps: Vec<_> = stamps
        .into_iter()
        .filter(|s| {
            s.status != SessionStatus::Cancelled.as_str() || s.starts_at >= now - Duration::days(CANCELLED_DAYS)
        })
        .collect();
    let fresh = |entry: Option<&CachedEvent>, updated_at: NaiveDateTime| {
        entry.is_some_and(|(u, read_at, _)| {
            *u == updated_at && *read_at >= updated_at + Duration::seconds(EVENT_MARGIN_SECONDS)
        })
    };
    let missing: Vec<SessionId> = {
        let map = events.lock().map_err(|_| AppError::Internal(anyhow::anyhow!("feed cache poisoned")))?;
        stamps.iter().filter(|s| !fresh(map.get(&(s.id, lang)), s.updated_at)).map(|s| s.id).collect()
    };
    let sessions = match sessions {
        Some(all) => {
            let wanted: std::collections::HashSet<SessionId> = missing.iter().copied().collect();
            all.into_iter().filter(|s| wanted.contains(&s.id())).collect()
        }
        None => session_store::by_ids(conn, &missing)?,
    };
    let render = |part: &[Session]| -> Vec<(SessionId, NaiveDateTime, Arc<str>)> {
        part.iter()
            .map(|s| {
                let event = feed_event(s, reference, base_url, &Audience::Public(lang), lang);
                (s.id(), s.row.updated_at, Arc::from(calendar::event_block(Method::Publish, &event, Utc::now())))
            })
            .collect()
    };
    // A cold feed (at start, or after the reference data changed) renders
    // thousands of events: each is independent, so they are shared out
    // over the machine's cores. A few changed events are not worth a thread.
    let rendered: Vec<(SessionId, NaiveDateTime, Arc<str>)> = if sessions.len() < PARALLEL_FROM || threads < 2 {
        render(&sessions)
    } else {
        let chunk = sessions.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let parts: Vec<_> = sessions.chunks(chunk).map(|part| scope.spawn(move || render(part))).collect();
            let mut all = Vec::with_capacity(sessions.len());
            for part in parts {
                // A part that panicked would leave its events out: the feed
                // fails whole instead.
                all.extend(part.join().map_err(|_| AppError::Internal(anyhow::anyhow!("feed render panicked")))?);
            }
            Ok::<_, AppError>(all)
        })?
    };
    let mut map = events.lock().map_err(|_| AppError::Internal(anyhow::anyhow!("feed cache poisoned")))?;
    let mut just: HashMap<SessionId, Arc<str>> = HashMap::new();
    for (id, updated_at, text) in rendered {
        map.insert((id, lang), (updated_at, read_at, text.clone()));
        just.insert(id, text);
    }
    let blocks = stamps
        .iter()
        .filter_map(|s| just.get(&s.id).cloned().or_else(|| map.get(&(s.id, lang)).map(|(_, _, t)| t.clone())))
        .collect();
    Ok(Content {
        name,
        description,
        blocks,
        last_modified: stamps.iter().map(|s| s.updated_at).max().unwrap_or_default(),
        private: false,
    })
}

/// Every session `filter` selects, read in `n` parts at once, each over
/// its own connection (SQLite's readers do not wait for each other; nor do
/// PostgreSQL's), then put back in the listing's order and page.
fn read_in_parts(pool: &db::Pool, filter: &SessionFilter, n: usize) -> Result<Vec<Session>, AppError> {
    let n = u16::try_from(n).unwrap_or(2);
    let mut all = std::thread::scope(|scope| {
        let parts: Vec<_> = (0..n)
            .map(|k| {
                let part = SessionFilter {
                    part: Some((k, n)),
                    offset: 0,
                    limit: filter.offset + filter.limit,
                    ..filter.clone()
                };
                scope.spawn(move || -> Result<Vec<Session>, AppError> {
                    let mut conn = pool.get().map_err(|e| AppError::Internal(e.into()))?;
                    Ok(session_store::list_all(&mut conn, &part)?)
                })
            })
            .collect();
        let mut all = Vec::new();
        for part in parts {
            all.extend(part.join().map_err(|_| AppError::Internal(anyhow::anyhow!("feed read panicked")))??);
        }
        Ok::<_, AppError>(all)
    })?;
    all.sort_unstable_by_key(|s| (s.row.starts_at, s.row.id));
    if filter.newest_first {
        all.reverse();
    }
    let skip = usize::try_from(filter.offset).unwrap_or(0);
    let take = usize::try_from(filter.limit).unwrap_or(usize::MAX);
    Ok(all.into_iter().skip(skip).take(take).collect())
}

pub(super) fn personal(
    conn: &mut DbConn,
    reference: &Reference,
    base_url: &str,
    registrations: Vec<Registration>,
) -> Result<Content, AppError> {
    let now = db::now();
    let mut events = Vec::new();
    let mut last = NaiveDateTime::default();
    let lang = registrations.iter().max_by_key(|r| r.id).map(Registration::lang).unwrap_or_default();
    for r in &registrations {
        let Some(s) = session_store::find(conn, r.session_id)? else { continue };
        if s.status() == SessionStatus::Draft || s.row.ends_at < now - Duration::days(PAST_DAYS) || !keep(&s, now) {
            continue;
        }
        events.push(feed_event(&s, reference, base_url, &Audience::Feed(r, lang), lang));
        last = last.max(s.row.updated_at).max(r.updated_at);
    }
    let stamp = Utc::now();
    Ok(Content {
        name: i18n::t(lang, "feed-my-sessions"),
        description: i18n::t(lang, "feed-my-sessions-description"),
        blocks: events.iter().map(|e| Arc::from(calendar::event_block(Method::Publish, e, stamp))).collect(),
        last_modified: last,
        private: true,
    })
}
