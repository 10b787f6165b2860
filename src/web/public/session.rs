//! `/sessions/{id}`: one session, its times in its own zone and the
//! viewer's, and a table of local times across the eligible countries.

use super::feeds::{Subscribe, subscribe};
use super::home::open_to;
use super::{Chrome, Viewer};
use crate::db::ids::SessionId;
use crate::db::reference::Reference;
use crate::db::sessions::{self as store, Session};
use crate::domain::lang::Lang;
use crate::domain::session::SessionStatus;
use crate::domain::slot::SlotView;
use crate::domain::zone::TimeZone;
use crate::error::AppError;
use crate::web::PageError;
use crate::web::feeds::FeedPath;
use crate::web::{State, blocking};
use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use std::collections::{BTreeMap, HashMap};

/// Local times shared by several zones, e.g. every UTC+07:00 zone.
pub struct ZoneRow {
    pub when: String,
    pub offset: String,
    pub day_mark: Option<String>,
    pub cities: String,
    pub countries: String,
}

#[derive(Template)]
#[template(path = "public/session.html")]
pub struct SessionPage {
    pub chrome: Chrome,
    pub id: SessionId,
    pub registration_closed: Option<String>,
    pub title: String,
    pub summary: String,
    /// The description as safe HTML (see `domain::markdown`).
    pub description_html: String,
    pub kind: String,
    pub format: String,
    pub cancelled: bool,
    pub demo: bool,
    pub own: SlotView,
    pub viewer: Option<SlotView>,
    pub location: String,
    /// The room: "name, address, city", and a map search for it.
    pub venue: Option<(String, String)>,
    /// Languages interpreted into, by their names.
    pub interpretation: Vec<String>,
    /// A hybrid session's room: seats and seats left (None: unlimited).
    pub room_seats: Option<(Option<i32>, i32)>,
    pub language: String,
    pub capacity: Option<i32>,
    pub seats_left: Option<i32>,
    pub open_to: String,
    pub topics: Vec<String>,
    /// The series it belongs to, if any: its page lists every date.
    pub series: Option<crate::db::ids::SeriesId>,
    pub zone_rows: Vec<ZoneRow>,
    pub feeds: Vec<Subscribe>,
    /// Public materials (registrants find the others on their own page).
    pub materials: Vec<crate::web::materials::MaterialLine>,
}

/// (start offset, date, end, offset text) → the slot, its cities, its countries
type ZoneGroups = BTreeMap<(i32, String, String, String), (SlotView, Vec<String>, Vec<String>)>;

fn zone_rows(session: &store::Session, reference: &Reference, own: &TimeZone, lang: Lang) -> Vec<ZoneRow> {
    // key: (start offset, date text, start, end, offset text) for a stable order by offset
    let mut groups = ZoneGroups::new();
    for country in session.eligible_countries(reference) {
        for name in reference.zones_of(&country.iso2) {
            let Ok(zone) = TimeZone::parse(name) else {
                continue;
            };
            let slot = SlotView::new_in(lang, session.starts_at(), session.ends_at(), &zone, own);
            let offset_seconds = zone.at(session.starts_at()).offset_seconds;
            let key = (offset_seconds, slot.date.clone(), slot.end.clone(), slot.offset.clone());
            let entry = groups.entry(key).or_insert_with(|| (slot.clone(), Vec::new(), Vec::new()));
            if !entry.1.contains(&slot.city) {
                entry.1.push(slot.city.clone());
            }
            let name = country.name_in(lang);
            if !entry.2.contains(&name) {
                entry.2.push(name);
            }
        }
    }
    groups
        .into_values()
        .map(|(slot, cities, countries)| ZoneRow {
            when: format!("{}, {}–{}", slot.date, slot.start, slot.end),
            offset: slot.offset,
            day_mark: slot.day_mark,
            cities: cities.join(", "),
            countries: countries.join(", "),
        })
        .collect()
}

impl SessionPage {
    fn new(
        session: &Session,
        viewer: &Viewer,
        reference: &Reference,
        query: &HashMap<String, String>,
        base: &str,
        materials: &[crate::db::models::MaterialRow],
    ) -> Self {
        let own_zone = session.zone();
        let lang = viewer.lang;
        let own = SlotView::new_in(lang, session.starts_at(), session.ends_at(), &own_zone, &own_zone);
        let viewer_slot = (viewer.zone != own_zone)
            .then(|| SlotView::new_in(lang, session.starts_at(), session.ends_at(), &viewer.zone, &own_zone));
        let r = &session.row;
        SessionPage {
            chrome: Chrome::new(viewer, reference, query),
            id: r.id,
            registration_closed: session
                .closed_reason(crate::db::now())
                .map(|m| m.in_lang(lang))
                .or_else(|| {
                    (session.row.participation == crate::domain::session::Participation::Nomination)
                        .then(|| crate::i18n::t(lang, "nomination-only"))
                })
                .or_else(|| {
                    (session.seats_left() == Some(0) && !session.row.waitlist)
                        .then(|| crate::i18n::t(lang, "session-full"))
                }),
            title: r.title.clone(),
            summary: r.summary.clone(),
            description_html: crate::domain::markdown::to_html(&r.description),
            kind: session.kind().label_in(lang),
            format: session.format().label_in(lang),
            cancelled: session.status() == SessionStatus::Cancelled,
            demo: r.is_demo,
            own,
            viewer: viewer_slot,
            location: r.location.clone(),
            venue: {
                let line = session.venue().line();
                (!line.is_empty()).then(|| {
                    let q = serde_urlencoded::to_string([("query", line.as_str())]).unwrap_or_default();
                    (line.clone(), format!("https://www.openstreetmap.org/search?{q}"))
                })
            },
            interpretation: session
                .interpretation()
                .iter()
                .map(|t| Lang::parse(t).map(|l| l.name().to_string()).unwrap_or_else(|| t.clone()))
                .collect(),
            room_seats: (session.format() == crate::domain::session::SessionFormat::Hybrid).then(|| {
                let (seats, taken) = session.room();
                (seats, seats.map(|s| (s - taken).max(0)).unwrap_or(0))
            }),
            // The language by its own name ("Français"), not its code.
            language: Lang::parse(&r.language).map(|l| l.name().to_string()).unwrap_or_else(|| r.language.clone()),
            series: r.series_id,
            capacity: r.capacity,
            seats_left: session.seats_left(),
            open_to: open_to(session, reference, lang),
            topics: session
                .topic_ids
                .iter()
                .filter_map(|id| reference.topic_by_id(*id))
                .map(|t| t.name_in(lang))
                .collect(),
            zone_rows: zone_rows(session, reference, &own_zone, lang),
            materials: crate::web::materials::lines(materials, &format!("/sessions/{}/materials", r.id), lang, |m| {
                m.audience == crate::domain::material::Audience::Public
            }),
            feeds: {
                let feed = |path: FeedPath, label: &str| subscribe(path.url_in(base, lang), label);
                let mut feeds = vec![feed(FeedPath::All, &crate::i18n::t(lang, "feed-all-label"))];
                let regions = session.region_ids.iter().filter_map(|id| reference.region_by_id(*id));
                feeds.extend(regions.map(|r| feed(FeedPath::Region(&r.slug), &r.name_in(lang))));
                let topics = session.topic_ids.iter().filter_map(|id| reference.topic_by_id(*id));
                feeds.extend(topics.map(|t| feed(FeedPath::Topic(&t.slug), &t.name_in(lang))));
                feeds
            },
        }
    }
}

/// Only the session's row is read on the blocking pool; reference data
/// comes from the cache.
#[get("/sessions/{id}")]
pub async fn session_page(
    req: HttpRequest,
    state: State,
    id: web::Path<SessionId>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let id = id.into_inner();
    let query = query.into_inner();
    // The viewer's zone defaults to the session's, unknown before it is
    // read; a default zone is the same for every reader of one path, so
    // the key says only that it is the default.
    let guess = Viewer::from_request(&req, &query, TimeZone::utc());
    let reference = state.reference();
    let key = crate::web::page_cache::key(&req, &guess, reference.generation);
    let body = crate::web::page_cache::page(&state, key, || async {
        let (session, materials) = blocking(&state.pool, move |conn| {
            // Drafts do not exist for the public.
            let Some(session) = store::find(conn, id)?.filter(|s| s.status() != SessionStatus::Draft) else {
                return Err(PageError(AppError::NotFound));
            };
            Ok((session, crate::db::materials::for_session(conn, id)?))
        })
        .await?;
        let viewer = Viewer::from_request(&req, &query, session.zone());
        super::to_html(&SessionPage::new(&session, &viewer, &reference, &query, &state.base_url, &materials))
    })
    .await?;
    Ok(super::html_response(body, guess.cookie()))
}

/// A public material's file; a registrants-only one, or one of a draft,
/// does not exist here.
#[get("/sessions/{id}/materials/{material}")]
pub async fn material(state: State, path: web::Path<(SessionId, i32)>) -> Result<HttpResponse, PageError> {
    let (id, material) = path.into_inner();
    let row = blocking(&state.pool, move |conn| {
        let public = store::find(conn, id)?.is_some_and(|s| s.status() != SessionStatus::Draft);
        let m = crate::db::materials::find(conn, id, material)?
            .filter(|m| public && m.audience == crate::domain::material::Audience::Public);
        m.ok_or(PageError(AppError::NotFound))
    })
    .await?;
    crate::web::materials::serve(&state, row).await
}
