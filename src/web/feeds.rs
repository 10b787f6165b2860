//! iCal feeds for calendar clients. Feeds are rendered once and cached in
//! memory; a cached feed is served while the database's change counter is
//! unchanged (one cheap query), for five minutes at most. Strong ETags and
//! Last-Modified answer conditional requests with 304; gzip is cached too.

use super::{State, blocking};
use crate::calendar::{self, FeedInfo, Method};
use crate::db::models::Registration;
use crate::db::reference::Reference;
use crate::db::registrations as registration_store;
use crate::db::sessions::{self as session_store, Session, SessionFilter};
use crate::db::{self, DbConn};
use crate::domain::lang::Lang;
use crate::domain::registration::RegistrationStatus;
use crate::domain::session::SessionStatus;
use crate::domain::slot::SlotView;
use crate::error::AppError;
use crate::i18n;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Past sessions stay in feeds this long; cancelled ones for 30 days.
pub const PAST_DAYS: i64 = 90;
const CANCELLED_DAYS: i64 = 30;
const MAX_AGE: std::time::Duration = std::time::Duration::from_secs(300);
const MAX_ENTRIES: usize = 2000;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(feeds_page)
        .service(all_feed)
        .service(region_feed)
        .service(country_feed)
        .service(topic_feed)
        .service(series_feed)
        .service(personal_feed)
        .service(session_invite);
}

/// A rendered feed, ready to serve.
pub struct Rendered {
    version: i64,
    at: Instant,
    body: web::Bytes,
    /// Compressed on the first request that accepts gzip, then kept.
    gzip: std::sync::OnceLock<web::Bytes>,
    etag: String,
    last_modified: DateTime<Utc>,
    private: bool,
}

#[derive(Default)]
pub struct FeedCache {
    entries: Mutex<HashMap<String, Arc<Rendered>>>,
    /// Rendered VEVENTs of public feeds by session: (the session's
    /// updated_at, when its row was read, the text).
    events: EventMap,
}

/// A cached event is trusted only if its row was read this long after the
/// session's last change: `updated_at` has whole seconds, and instances'
/// clocks may differ a little.
const EVENT_MARGIN_SECONDS: i64 = 5;

impl FeedCache {
    fn get(&self, key: &str, version: i64) -> Option<Arc<Rendered>> {
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

/// What a feed contains, built on the blocking pool.
struct Content {
    name: String,
    description: String,
    blocks: Vec<Arc<str>>,
    last_modified: NaiveDateTime,
    private: bool,
}

/// Session id → (its updated_at, when its row was read, the VEVENT text).
type EventMap = Arc<Mutex<HashMap<i32, CachedEvent>>>;
type CachedEvent = (NaiveDateTime, NaiveDateTime, Arc<str>);

fn window(now: NaiveDateTime) -> SessionFilter {
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

/// One session as a feed event. `join_url` is given for personal feeds of
/// confirmed participants only. Shared feeds are cached once for everyone,
/// so they are written in English; a personal feed in its owner's language.
pub fn feed_event(
    s: &Session,
    reference: &Reference,
    base_url: &str,
    join_url: Option<&str>,
    status: Option<bool>,
    lang: Lang,
) -> calendar::Event {
    let r = &s.row;
    let zone = s.zone();
    let slot = SlotView::new_in(lang, s.starts_at(), s.ends_at(), &zone, &zone);
    let mut description = String::new();
    for part in [&r.summary, &r.description] {
        if !part.is_empty() {
            description.push_str(part);
            description.push_str("\n\n");
        }
    }
    description.push_str(&format!("{}{} {}\n", i18n::t(lang, "feed-when"), i18n::t(lang, "colon"), slot.line()));
    if let Some(j) = join_url {
        description.push_str(&format!("{}\n", i18n::message(lang, "invite-join", &[("url", j.into())])));
    }
    description.push_str(&format!("{base_url}/sessions/{}", r.id));
    let location = if !r.location.is_empty() { r.location.clone() } else { join_url.unwrap_or_default().to_string() };
    calendar::Event {
        uid: calendar::session_uid(r.id, &calendar::host_of(base_url)),
        sequence: u32::try_from(r.sequence).unwrap_or(0),
        cancelled: status.map(|active| !active).unwrap_or(s.status() == SessionStatus::Cancelled),
        summary: r.title.clone(),
        description,
        location,
        url: format!("{base_url}/sessions/{}", r.id),
        start: s.starts_at(),
        end: s.ends_at(),
        created: r.created_at.and_utc(),
        last_modified: r.updated_at.and_utc(),
        categories: s.topic_ids.iter().filter_map(|id| reference.topic_by_id(*id)).map(|t| t.name.clone()).collect(),
        organizer: None,
        attendee: None,
    }
}

/// A public feed: reads only the ids and stamps of its sessions, and the
/// full rows of those whose cached event is missing or stale.
fn public(
    conn: &mut DbConn,
    reference: &Reference,
    base_url: &str,
    events: &EventMap,
    filter: SessionFilter,
    name: String,
    description: String,
) -> Result<Content, AppError> {
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
    let missing: Vec<i32> = {
        let map = events.lock().map_err(|_| AppError::Internal(anyhow::anyhow!("feed cache poisoned")))?;
        stamps.iter().filter(|s| !fresh(map.get(&s.id), s.updated_at)).map(|s| s.id).collect()
    };
    let read_at = db::now();
    let rendered: Vec<(i32, NaiveDateTime, Arc<str>)> = session_store::by_ids(conn, &missing)?
        .iter()
        .map(|s| {
            (
                s.id(),
                s.row.updated_at,
                Arc::from(calendar::event_block(
                    Method::Publish,
                    &feed_event(s, reference, base_url, None, None, Lang::En),
                    Utc::now(),
                )),
            )
        })
        .collect();
    let mut map = events.lock().map_err(|_| AppError::Internal(anyhow::anyhow!("feed cache poisoned")))?;
    let mut just: HashMap<i32, Arc<str>> = HashMap::new();
    for (id, updated_at, text) in rendered {
        map.insert(id, (updated_at, read_at, text.clone()));
        just.insert(id, text);
    }
    let blocks = stamps
        .iter()
        .filter_map(|s| just.get(&s.id).cloned().or_else(|| map.get(&s.id).map(|(_, _, t)| t.clone())))
        .collect();
    Ok(Content {
        name,
        description,
        blocks,
        last_modified: stamps.iter().map(|s| s.updated_at).max().unwrap_or_default(),
        private: false,
    })
}

impl Rendered {
    fn gzip_body(&self) -> Option<web::Bytes> {
        if let Some(gz) = self.gzip.get() {
            return Some(gz.clone());
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&self.body).ok()?;
        let bytes = web::Bytes::from(gz.finish().ok()?);
        Some(self.gzip.get_or_init(|| bytes).clone())
    }
}

fn http_date(t: DateTime<Utc>) -> String {
    t.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

fn render(version: i64, content: Content) -> Result<Rendered, AppError> {
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
        private: content.private,
    })
}

/// Serves a feed from the cache or renders it; `build` returns None for an
/// unknown feed (404).
async fn serve<F>(req: &HttpRequest, state: &State, key: String, build: F) -> Result<HttpResponse, AppError>
where
    F: FnOnce(&mut DbConn, &Reference) -> Result<Option<Content>, AppError> + Send + 'static,
{
    Ok(respond(req, &*current(state, key, build).await?))
}

/// The feed from the cache if still current, else rendered and cached.
async fn current<F>(state: &State, key: String, build: F) -> Result<Arc<Rendered>, AppError>
where
    F: FnOnce(&mut DbConn, &Reference) -> Result<Option<Content>, AppError> + Send + 'static,
{
    let version = blocking(&state.pool, |conn| db::change_counter(conn).map_err(AppError::from)).await?;
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
    let result = current(&state, "all".into(), move |conn, reference| {
        Ok(Some(public(conn, reference, &base, &events, window(db::now()), ALL_NAME.into(), ALL_DESCRIPTION.into())?))
    })
    .await;
    match result {
        Ok(_) => tracing::info!(ms = started.elapsed().as_millis() as u64, "feeds warmed"),
        Err(e) => tracing::warn!(error = ?e, "feeds not warmed"),
    }
}

const ALL_NAME: &str = "Convene: all sessions";
const ALL_DESCRIPTION: &str = "Every session of the EU CBRN Centres of Excellence network";

fn respond(req: &HttpRequest, r: &Rendered) -> HttpResponse {
    let headers = req.headers();
    let not_modified = match headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) {
        Some(tags) => tags
            .split(',')
            .map(str::trim)
            .any(|t| t == "*" || t == r.etag || t.strip_prefix("W/") == Some(r.etag.as_str())),
        None => headers
            .get(header::IF_MODIFIED_SINCE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| DateTime::parse_from_rfc2822(v).ok())
            .is_some_and(|since| r.last_modified.timestamp() <= since.timestamp()),
    };
    let mut res = if not_modified { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    res.insert_header((header::ETAG, r.etag.clone()))
        .insert_header((header::LAST_MODIFIED, http_date(r.last_modified)))
        .insert_header((header::CACHE_CONTROL, if r.private { "private, max-age=300" } else { "public, max-age=300" }))
        .insert_header((header::VARY, "Accept-Encoding"));
    if r.private {
        res.insert_header(("Referrer-Policy", "no-referrer"));
    }
    if not_modified {
        return res.finish();
    }
    res.content_type("text/calendar; charset=utf-8");
    let gzip_ok = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.trim().split(';').next() == Some("gzip") && !e.contains("q=0")));
    match gzip_ok.then(|| r.gzip_body()).flatten() {
        // Already compressed: the Compress middleware leaves it alone.
        Some(gz) => res.insert_header((header::CONTENT_ENCODING, HeaderValue::from_static("gzip"))).body(gz),
        None => res.body(r.body.clone()),
    }
}

fn slug_of(raw: &str) -> Option<String> {
    raw.strip_suffix(".ics").filter(|s| !s.is_empty() && s.len() <= 64).map(str::to_string)
}

/// Serves a public feed: the sessions `narrow` selects from the window.
async fn public_feed(
    req: &HttpRequest,
    state: &State,
    key: String,
    narrow: impl FnOnce(SessionFilter) -> SessionFilter + Send + 'static,
    name: String,
    description: String,
) -> Result<HttpResponse, AppError> {
    let base = state.base_url.clone();
    let events = state.feeds.events.clone();
    serve(req, state, key, move |conn, reference| {
        Ok(Some(public(conn, reference, &base, &events, narrow(window(db::now())), name, description)?))
    })
    .await
}

#[get("/feeds/all.ics")]
pub async fn all_feed(req: HttpRequest, state: State) -> Result<HttpResponse, AppError> {
    let (name, description) =
        ("Convene: all sessions".into(), "Every session of the EU CBRN Centres of Excellence network".into());
    public_feed(&req, &state, "all".into(), |f| f, name, description).await
}

#[get("/feeds/regions/{slug}")]
pub async fn region_feed(req: HttpRequest, state: State, slug: web::Path<String>) -> Result<HttpResponse, AppError> {
    let region = slug_of(&slug).and_then(|s| state.reference().region(&s).cloned()).ok_or(AppError::NotFound)?;
    let (name, description) =
        (format!("Convene: {}", region.name), format!("Sessions open to participants from {}", region.name));
    let key = format!("region:{}", region.slug);
    public_feed(&req, &state, key, move |f| SessionFilter { region_id: Some(region.id), ..f }, name, description).await
}

#[get("/feeds/countries/{iso2}")]
pub async fn country_feed(req: HttpRequest, state: State, iso2: web::Path<String>) -> Result<HttpResponse, AppError> {
    let country = slug_of(&iso2).and_then(|c| state.reference().country(&c).cloned()).ok_or(AppError::NotFound)?;
    let (name, description) =
        (format!("Convene: {}", country.name), format!("Sessions open to participants from {}", country.name));
    let key = format!("country:{}", country.iso2);
    public_feed(&req, &state, key, move |f| SessionFilter { country: Some(country.iso2), ..f }, name, description).await
}

#[get("/feeds/topics/{slug}")]
pub async fn topic_feed(req: HttpRequest, state: State, slug: web::Path<String>) -> Result<HttpResponse, AppError> {
    let topic = slug_of(&slug).and_then(|s| state.reference().topic(&s).cloned()).ok_or(AppError::NotFound)?;
    let (name, description) = (format!("Convene: {}", topic.name), format!("Sessions on {}", topic.name));
    let key = format!("topic:{}", topic.slug);
    public_feed(&req, &state, key, move |f| SessionFilter { topic_id: Some(topic.id), ..f }, name, description).await
}

/// Every occurrence of a series, published or cancelled.
#[get("/feeds/series/{id}")]
pub async fn series_feed(req: HttpRequest, state: State, id: web::Path<String>) -> Result<HttpResponse, AppError> {
    let id = slug_of(&id).and_then(|s| s.parse::<i32>().ok()).filter(|id| *id > 0).ok_or(AppError::NotFound)?;
    let series = blocking(&state.pool, move |conn| crate::db::series::public(conn, id).map_err(AppError::from))
        .await?
        .ok_or(AppError::NotFound)?;
    let (name, description) =
        (format!("Convene: {}", series.title), format!("Every session of the series {}", series.title));
    let key = format!("series:{id}");
    public_feed(&req, &state, key, move |f| SessionFilter { series_id: Some(id), ..f }, name, description).await
}

/// A registration's own feed (`f_…`, that registration only), or an
/// address's feed of all its sessions (`p_…`, shown only on pages opened
/// through a link emailed to the address).
#[get("/feeds/personal/{token}")]
pub async fn personal_feed(req: HttpRequest, state: State, token: web::Path<String>) -> Result<HttpResponse, AppError> {
    let token = slug_of(&token).ok_or(AppError::NotFound)?;
    let address = crate::domain::secret::plausible(&token, crate::db::privacy::ADDRESS_FEED_PREFIX);
    if !address && !crate::domain::secret::plausible(&token, registration_store::FEED_PREFIX) {
        return Err(AppError::NotFound);
    }
    let base = state.base_url.clone();
    let key = format!("personal:{}", crate::domain::secret::digest(&token));
    serve(&req, &state, key, move |conn, reference| {
        let registrations = if address {
            crate::db::privacy::by_address_feed(conn, &token)?
        } else {
            registration_store::by_feed_token(conn, &token)?.map(|r| vec![r])
        };
        let Some(registrations) = registrations else { return Ok(None) };
        Ok(Some(personal(conn, reference, &base, registrations)?))
    })
    .await
}

fn personal(
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
        let status = r.status();
        let confirmed = status == RegistrationStatus::Confirmed && s.status() == SessionStatus::Published;
        let active = matches!(
            status,
            RegistrationStatus::Confirmed | RegistrationStatus::Waitlisted | RegistrationStatus::PendingApproval
        ) && s.status() == SessionStatus::Published;
        let join = (confirmed && !s.row.join_url.is_empty()).then_some(s.row.join_url.as_str());
        let mut e = feed_event(&s, reference, base_url, join, Some(active), lang);
        // The person's own withdrawal counts as a change of this event.
        e.sequence = u32::try_from(s.row.sequence + r.calendar_bump).unwrap_or(0);
        if !confirmed && active {
            e.summary = format!("{} ({})", e.summary, status.label_in(lang).to_lowercase());
        }
        last = last.max(s.row.updated_at).max(r.updated_at);
        events.push(e);
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

/// One session as a calendar file (public: no webinar link).
#[get("/sessions/{id}/invite.ics")]
pub async fn session_invite(state: State, id: web::Path<String>) -> Result<HttpResponse, AppError> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    let session = blocking(&state.pool, move |conn| session_store::find(conn, id).map_err(AppError::from))
        .await?
        .ok_or(AppError::NotFound)?;
    if session.status() == SessionStatus::Draft {
        return Err(AppError::NotFound);
    }
    let reference = state.reference();
    let event = feed_event(&session, &reference, &state.base_url, None, None, Lang::En);
    let text = calendar::calendar(Method::Publish, None, &[event], Utc::now());
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"session-{id}.ics\"")))
        .body(text))
}

/// One feed, offered every way a calendar can take it.
pub struct Subscribe {
    pub label: String,
    pub https: String,
    pub webcal: String,
    pub google: String,
    pub outlook: String,
}

pub fn subscribe(base_url: &str, path: &str, label: &str) -> Subscribe {
    let https = format!("{base_url}{path}");
    let webcal = https.replacen("https://", "webcal://", 1).replacen("http://", "webcal://", 1);
    let google = format!(
        "https://calendar.google.com/calendar/render?{}",
        serde_urlencoded::to_string([("cid", &webcal)]).unwrap_or_default()
    );
    let outlook = format!(
        "https://outlook.live.com/calendar/0/addfromweb?{}",
        serde_urlencoded::to_string([("url", https.as_str()), ("name", label)]).unwrap_or_default()
    );
    Subscribe { label: label.to_string(), https, webcal, google, outlook }
}

#[derive(askama::Template)]
#[template(path = "public/feeds.html")]
struct FeedsPage {
    chrome: crate::web::public::Chrome,
    all: Subscribe,
    regions: Vec<Subscribe>,
    countries: Vec<Subscribe>,
    topics: Vec<Subscribe>,
}

#[get("/feeds")]
pub async fn feeds_page(
    req: HttpRequest,
    state: State,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, crate::error::PageError> {
    let query = query.into_inner();
    let viewer = crate::web::public::Viewer::from_request(&req, &query, crate::domain::zone::TimeZone::utc());
    let reference = state.reference();
    let base = &state.base_url;
    let page = FeedsPage {
        chrome: crate::web::public::Chrome::new(&viewer, &reference, &query),
        all: subscribe(base, "/feeds/all.ics", "Convene: all sessions"),
        regions: reference
            .regions
            .iter()
            .map(|r| subscribe(base, &format!("/feeds/regions/{}.ics", r.slug), &r.name_in(viewer.lang)))
            .collect(),
        countries: reference
            .countries
            .iter()
            .map(|c| subscribe(base, &format!("/feeds/countries/{}.ics", c.iso2), &c.name_in(viewer.lang)))
            .collect(),
        topics: reference
            .topics
            .iter()
            .map(|t| subscribe(base, &format!("/feeds/topics/{}.ics", t.slug), &t.name_in(viewer.lang)))
            .collect(),
    };
    crate::web::public::render(&page, viewer.cookie())
}
