//! `/`: upcoming published sessions, filterable, paginated.

use super::feeds::{Subscribe, subscribe};
use super::{Chrome, Viewer};
use crate::db::ids::{SeriesId, SessionId};
use crate::db::models::{Country, Region, Topic};
use crate::db::reference::Reference;
use crate::db::series::Upcoming;
use crate::db::sessions::{self as store, Cursor, Session, SessionFilter};
use crate::domain::lang::Lang;
use crate::domain::session::{SessionFormat, SessionStatus};
use crate::domain::slot::SlotView;
use crate::domain::zone::TimeZone;
use crate::web::PageError;
use crate::web::feeds::FeedPath;
use crate::web::pager::Asked;
use crate::web::{State, blocking};
use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use std::collections::HashMap;

const PER_PAGE: i64 = 20;

pub struct ListItem {
    pub id: SessionId,
    pub title: String,
    pub summary: String,
    pub kind: String,
    pub format: String,
    pub cancelled: bool,
    pub viewer: SlotView,
    pub own: Option<SlotView>,
    pub topics: Vec<String>,
    pub open_to: String,
    /// This entry stands for its whole series (at its next date).
    pub series: Option<SeriesCard>,
    /// "12 of 40 left", "Full: join the waiting list", "Full".
    pub seats: Option<String>,
    /// When registration closes, in the reader's zone (when the organisers set a deadline).
    pub closes: Option<String>,
    /// Where to register, while it takes registrations: (address, label).
    pub register: Option<(String, String)>,
    /// Why one cannot register here now (not yet open, closed, by nomination).
    pub closed: Option<String>,
}

/// "Weekly, 6 dates · Thu 11 Mar – Thu 15 Apr": a series as one entry.
pub struct SeriesCard {
    pub id: SeriesId,
    pub line: String,
}

impl SeriesCard {
    fn new(u: &Upcoming, lang: Lang, viewer_zone: &TimeZone) -> Self {
        let day = |t: chrono::NaiveDateTime| lang.day_month(viewer_zone.at(t.and_utc()).local.date());
        let summary = crate::i18n::message(
            lang,
            "series-summary",
            &[("repeat", crate::i18n::t(lang, &format!("repeat-{}", u.repeat)).into()), ("count", u.dates.into())],
        );
        let line = if u.dates > 1 { format!("{summary} · {} – {}", day(u.first), day(u.last)) } else { summary };
        Self { id: u.id, line }
    }
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "public/home.html")]
pub struct HomePage {
    pub chrome: Chrome,
    pub items: Vec<ListItem>,
    pub regions: Vec<Choice>,
    pub countries: Vec<Choice>,
    pub topics: Vec<Choice>,
    pub formats: Vec<Choice>,
    pub page: i64,
    pub prev_link: Option<String>,
    pub next_link: Option<String>,
    pub filtered: bool,
    pub feed: Subscribe,
    /// `?q=` as typed.
    pub words: String,
    /// The archive of sessions held (`/archive`), not what is to come.
    pub archive: bool,
    /// This listing's own path: `/` or `/archive`.
    pub path: &'static str,
}

fn choices<'a>(items: impl Iterator<Item = (&'a str, String)>, current: Option<&str>) -> Vec<Choice> {
    items.map(|(v, label)| Choice { value: v.to_string(), label, selected: current == Some(v) }).collect()
}

pub fn open_to(s: &store::Session, reference: &Reference, lang: Lang) -> String {
    if s.open_to_all() {
        return crate::i18n::t(lang, "open-to-all");
    }
    let names = crate::db::registrations::open_to_names(s, reference);
    crate::domain::message::Message::new("open-to", vec![("names", names)]).in_lang(lang)
}

/// What the home page lists, read from its query. Unknown filter values
/// are ignored rather than refused: a page should still show something
/// for a stale bookmark.
struct Listing<'r> {
    /// The page's number, as shown; with a cursor it is only a label.
    page: i64,
    /// `?after=ID` / `?before=ID`: the page after or before that session,
    /// as the pager's links ask (`?page=N` alone still works for old links).
    from: Option<Asked>,
    region: Option<&'r Region>,
    country: Option<&'r Country>,
    topic: Option<&'r Topic>,
    /// `?q=`: words the title or summary must contain, as typed.
    words: String,
    /// `/archive`: sessions held, latest first.
    archive: bool,
    filter: SessionFilter,
}

impl<'r> Listing<'r> {
    fn from_query(reference: &'r Reference, query: &HashMap<String, String>, archive: bool) -> Self {
        let get = |k: &str| query.get(k).map(String::as_str).filter(|v| !v.is_empty());
        let page = get("page").and_then(|p| p.parse::<i64>().ok()).filter(|p| (1..=10_000).contains(p)).unwrap_or(1);
        let from = Asked::from_query(query);
        let region = get("region").and_then(|s| reference.region(s));
        let country = get("country").and_then(|c| reference.country(c));
        let topic = get("topic").and_then(|t| reference.topic(t));
        let words: String =
            get("q").unwrap_or_default().trim().chars().take(crate::domain::search::MAX_QUERY).collect();
        let now = crate::db::now();
        let filter = SessionFilter {
            // The archive shows what was held; a cancelled date is no record.
            statuses: if archive {
                vec![SessionStatus::Published]
            } else {
                vec![SessionStatus::Published, SessionStatus::Cancelled]
            },
            ends_after: (!archive).then_some(now),
            ends_before: archive.then_some(now),
            newest_first: archive,
            words: crate::domain::search::patterns(&words),
            region_id: region.map(|r| r.id),
            country: country.map(|c| c.iso2.clone()),
            topic_id: topic.map(|t| t.id),
            format: get("format").and_then(SessionFormat::parse),
            one_per_series: !archive,
            // One more than a page, to know whether there is a next one.
            limit: PER_PAGE + 1,
            offset: if from.is_some() { 0 } else { (page - 1) * PER_PAGE },
            ..SessionFilter::default()
        };
        Self { page, from, region, country, topic, words, archive, filter }
    }

    /// The feed of what the page is narrowed to (its first filter).
    fn feed(&self, base: &str, lang: Lang) -> Subscribe {
        let (path, label) = match (self.region, self.country, self.topic) {
            (Some(r), _, _) => (FeedPath::Region(&r.slug), r.name_in(lang)),
            (_, Some(c), _) => (FeedPath::Country(&c.iso2), c.name_in(lang)),
            (_, _, Some(t)) => (FeedPath::Topic(&t.slug), t.name_in(lang)),
            _ => (FeedPath::All, crate::i18n::t(lang, "feed-all-label")),
        };
        subscribe(path.url_in(base, lang), &label)
    }
}

fn list_item(s: &Session, reference: &Reference, lang: Lang, viewer_zone: &TimeZone, series: &[Upcoming]) -> ListItem {
    use crate::domain::message::{Arg, Message};
    let zone = s.zone();
    let series = s.row.series_id.and_then(|id| series.iter().find(|u| u.id == id));
    let now = crate::db::now();
    let goes_ahead = s.status() == SessionStatus::Published;
    let held = s.row.ends_at <= now;
    let closed = match (s.closed_reason(now), s.row.participation) {
        _ if !goes_ahead || held => None,
        (Some(reason), _) => Some(reason.in_lang(lang)),
        (None, crate::domain::session::Participation::Nomination) => Some(crate::i18n::t(lang, "card-by-nomination")),
        (None, _) => None,
    };
    let taking = goes_ahead && !held && closed.is_none();
    let seats = match (s.row.capacity, s.seats_left()) {
        _ if !taking => None,
        (Some(_), Some(0)) if s.row.waitlist => Some(crate::i18n::t(lang, "card-full-waitlist")),
        (Some(_), Some(0)) => Some(crate::i18n::t(lang, "card-full")),
        (Some(of), Some(left)) => {
            Some(crate::i18n::message(lang, "seats-left", &[("left", left.into()), ("of", of.into())]))
        }
        _ => None,
    };
    let full = s.seats_left() == Some(0) && !s.row.waitlist;
    let register = (taking && !full).then(|| match series {
        Some(u) if u.dates > 1 => {
            (format!("/sessions/{}/register?series=1", s.id()), crate::i18n::t(lang, "series-register"))
        }
        _ => (format!("/sessions/{}/register", s.id()), crate::i18n::t(lang, "register")),
    });
    let closes = s.row.registration_closes_at.filter(|_| taking).map(|t| {
        Message::new(
            "card-closes",
            vec![("when", Arg::Time { utc: t.and_utc(), zone: viewer_zone.name().to_string() })],
        )
        .in_lang(lang)
    });
    ListItem {
        series: series.map(|u| SeriesCard::new(u, lang, viewer_zone)),
        seats,
        closes,
        register,
        closed,
        id: s.id(),
        title: s.row.title.clone(),
        summary: s.row.summary.clone(),
        kind: s.kind().label_in(lang),
        format: s.format().label_in(lang),
        cancelled: s.status() == SessionStatus::Cancelled,
        own: (zone != *viewer_zone).then(|| SlotView::new_in(lang, s.starts_at(), s.ends_at(), &zone, &zone)),
        viewer: SlotView::new_in(lang, s.starts_at(), s.ends_at(), viewer_zone, &zone),
        topics: s.topic_ids.iter().filter_map(|id| reference.topic_by_id(*id)).map(|t| t.name_in(lang)).collect(),
        open_to: open_to(s, reference, lang),
    }
}

impl HomePage {
    fn new(
        viewer: &Viewer,
        reference: &Reference,
        query: &HashMap<String, String>,
        base: &str,
        listing: &Listing<'_>,
        placed: Option<Cursor>,
        (mut sessions, series): (Vec<Session>, Vec<Upcoming>),
    ) -> Self {
        let series = &series;
        let lang = viewer.lang;
        let path = if listing.archive { "/archive" } else { "/" };
        let (has_prev, has_next) = crate::web::pager::trim(&mut sessions, placed, PER_PAGE as usize);
        let page = match placed {
            // Nothing more before: this is the first page whatever it was called.
            Some(Cursor::Before(..)) if !has_prev => 1,
            Some(_) => listing.page.max(2),
            None => listing.page,
        };
        let link = |p: i64, cursor: Option<(&str, SessionId)>| {
            let mut q: Vec<(String, String)> = query
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "page" | "after" | "before"))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            q.sort();
            if let Some((side, id)) = cursor {
                q.push((side.to_string(), id.0.to_string()));
            }
            if p > 1 {
                q.push(("page".to_string(), p.to_string()));
            }
            match serde_urlencoded::to_string(&q).unwrap_or_default() {
                s if s.is_empty() => path.to_string(),
                s => format!("{path}?{s}"),
            }
        };
        let first = sessions.first().map(|s| s.id());
        let last = sessions.last().map(|s| s.id());
        let format = listing.filter.format;
        Self {
            chrome: Chrome::new(viewer, reference, query),
            items: sessions.iter().map(|s| list_item(s, reference, lang, &viewer.zone, series)).collect(),
            regions: choices(
                reference.regions.iter().map(|r| (r.slug.as_str(), r.name_in(lang))),
                listing.region.map(|r| r.slug.as_str()),
            ),
            countries: choices(
                reference.countries.iter().map(|c| (c.iso2.as_str(), c.name_in(lang))),
                listing.country.map(|c| c.iso2.as_str()),
            ),
            topics: choices(
                reference.topics.iter().map(|t| (t.slug.as_str(), t.name_in(lang))),
                listing.topic.map(|t| t.slug.as_str()),
            ),
            formats: choices(
                SessionFormat::ALL.iter().map(|f| (f.as_str(), f.label_in(lang))),
                format.map(|f| f.as_str()),
            ),
            page,
            // Page 2's "previous" is the first page itself, with no cursor.
            prev_link: has_prev.then(|| link(page - 1, first.filter(|_| page > 2).map(|id| ("before", id)))),
            next_link: has_next.then(|| link(page + 1, last.map(|id| ("after", id)))),
            filtered: listing.region.is_some()
                || listing.country.is_some()
                || listing.topic.is_some()
                || format.is_some()
                || !listing.words.is_empty(),
            feed: listing.feed(base, lang),
            words: listing.words.clone(),
            archive: listing.archive,
            path,
        }
    }
}

/// Only the query runs on the blocking pool; reference data comes from
/// the cache and the page is built here.
#[get("/")]
pub async fn home(
    req: HttpRequest,
    state: State,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    listing(req, state, query.into_inner(), false).await
}

/// Sessions held, latest first, with the home page's filters and search.
#[get("/archive")]
pub async fn archive_page(
    req: HttpRequest,
    state: State,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    listing(req, state, query.into_inner(), true).await
}

async fn listing(
    req: HttpRequest,
    state: State,
    query: HashMap<String, String>,
    archive: bool,
) -> Result<HttpResponse, PageError> {
    let viewer = Viewer::from_request(&req, &query, TimeZone::utc());
    let reference = state.reference();
    let key = crate::web::page_cache::key(&req, &viewer, reference.generation);
    let body = crate::web::page_cache::page(&state, key, || async {
        let listing = Listing::from_query(&reference, &query, archive);
        let (mut filter, from) = (listing.filter.clone(), listing.from);
        let (placed, sessions) = blocking(&state.pool, move |conn| {
            filter.cursor = from.map(|f| f.place(conn)).transpose()?.flatten();
            let sessions = store::list(conn, &filter)?;
            let mut ids: Vec<SeriesId> = sessions.iter().filter_map(|s| s.row.series_id).collect();
            ids.sort();
            ids.dedup();
            let series = crate::db::series::upcoming(conn, &ids, crate::db::now())?;
            Ok::<_, PageError>((filter.cursor, (sessions, series)))
        })
        .await?;
        super::to_html(&HomePage::new(&viewer, &reference, &query, &state.base_url, &listing, placed, sessions))
    })
    .await?;
    Ok(super::html_response(body, viewer.cookie()))
}
