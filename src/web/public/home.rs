//! `/`: upcoming published sessions, filterable, paginated.

use super::feeds::{Subscribe, subscribe};
use super::{Chrome, Viewer};
use crate::db::ids::SessionId;
use crate::db::models::{Country, Region, Topic};
use crate::db::reference::Reference;
use crate::db::sessions::{self as store, Session, SessionFilter};
use crate::domain::lang::Lang;
use crate::domain::session::{SessionFormat, SessionStatus};
use crate::domain::slot::SlotView;
use crate::domain::zone::TimeZone;
use crate::web::PageError;
use crate::web::feeds::FeedPath;
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
    page: i64,
    region: Option<&'r Region>,
    country: Option<&'r Country>,
    topic: Option<&'r Topic>,
    filter: SessionFilter,
}

impl<'r> Listing<'r> {
    fn from_query(reference: &'r Reference, query: &HashMap<String, String>) -> Self {
        let get = |k: &str| query.get(k).map(String::as_str).filter(|v| !v.is_empty());
        let page = get("page").and_then(|p| p.parse::<i64>().ok()).filter(|p| (1..=10_000).contains(p)).unwrap_or(1);
        let region = get("region").and_then(|s| reference.region(s));
        let country = get("country").and_then(|c| reference.country(c));
        let topic = get("topic").and_then(|t| reference.topic(t));
        let filter = SessionFilter {
            statuses: vec![SessionStatus::Published, SessionStatus::Cancelled],
            ends_after: Some(crate::db::now()),
            region_id: region.map(|r| r.id),
            country: country.map(|c| c.iso2.clone()),
            topic_id: topic.map(|t| t.id),
            format: get("format").and_then(SessionFormat::parse),
            // One more than a page, to know whether there is a next one.
            limit: PER_PAGE + 1,
            offset: (page - 1) * PER_PAGE,
            ..SessionFilter::default()
        };
        Self { page, region, country, topic, filter }
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

fn list_item(s: &Session, reference: &Reference, lang: Lang, viewer_zone: &TimeZone) -> ListItem {
    let zone = s.zone();
    ListItem {
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
        mut sessions: Vec<Session>,
    ) -> Self {
        let lang = viewer.lang;
        let has_next = sessions.len() as i64 > PER_PAGE;
        sessions.truncate(PER_PAGE as usize);
        let link = |p: i64| {
            let mut q: Vec<(&String, String)> =
                query.iter().filter(|(k, _)| k.as_str() != "page").map(|(k, v)| (k, v.clone())).collect();
            q.sort();
            let page = "page".to_string();
            q.push((&page, p.to_string()));
            format!("/?{}", serde_urlencoded::to_string(&q).unwrap_or_default())
        };
        let (page, format) = (listing.page, listing.filter.format);
        Self {
            chrome: Chrome::new(viewer, reference, query),
            items: sessions.iter().map(|s| list_item(s, reference, lang, &viewer.zone)).collect(),
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
            prev_link: (page > 1).then(|| link(page - 1)),
            next_link: has_next.then(|| link(page + 1)),
            filtered: listing.region.is_some()
                || listing.country.is_some()
                || listing.topic.is_some()
                || format.is_some(),
            feed: listing.feed(base, lang),
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
    let query = query.into_inner();
    let viewer = Viewer::from_request(&req, &query, TimeZone::utc());
    let reference = state.reference();
    let key = crate::web::page_cache::key(&req, &viewer, reference.generation);
    let body = crate::web::page_cache::page(&state, key, || async {
        let listing = Listing::from_query(&reference, &query);
        let filter = listing.filter.clone();
        let sessions = blocking(&state.pool, move |conn| Ok::<_, PageError>(store::list(conn, &filter)?)).await?;
        super::to_html(&HomePage::new(&viewer, &reference, &query, &state.base_url, &listing, sessions))
    })
    .await?;
    Ok(super::html_response(body, viewer.cookie()))
}
