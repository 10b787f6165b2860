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

/// What a feed contains, built on the blocking pool.
pub(super) struct Content {
    pub name: String,
    pub description: String,
    pub blocks: Vec<Arc<str>>,
    pub last_modified: NaiveDateTime,
    pub private: bool,
}

/// A shared feed's name and description in its language.
pub(super) fn all_named(lang: Lang) -> (String, String) {
    (i18n::t(lang, "feed-all-name"), i18n::t(lang, "feed-all-description"))
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
}

pub(super) fn public(
    conn: &mut DbConn,
    reference: &Reference,
    base_url: &str,
    events: &EventMap,
    feed: Public,
) -> Result<Content, AppError> {
    let Public { filter, lang, name, description } = feed;
    let now = db::now();
    let stamps: Vec<_> = session_store::stamps(conn, &filter)?
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
    let read_at = db::now();
    let rendered: Vec<(SessionId, NaiveDateTime, Arc<str>)> = session_store::by_ids(conn, &missing)?
        .iter()
        .map(|s| {
            (
                s.id(),
                s.row.updated_at,
                Arc::from(calendar::event_block(
                    Method::Publish,
                    &feed_event(s, reference, base_url, &Audience::Public(lang), lang),
                    Utc::now(),
                )),
            )
        })
        .collect();
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
