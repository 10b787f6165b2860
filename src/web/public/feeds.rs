//! `/feeds`: every feed, offered every way a calendar can take it.

use super::{Chrome, Viewer};
use crate::web::State;
use crate::web::feeds::FeedPath;
use actix_web::{HttpRequest, HttpResponse, get, web};
use std::collections::HashMap;

/// One feed, offered every way a calendar can take it.
pub struct Subscribe {
    pub label: String,
    pub https: String,
    pub webcal: String,
    pub google: String,
    pub outlook: String,
}

/// The feed at `url` (see `FeedPath::url`), named `label`.
pub fn subscribe(https: String, label: &str) -> Subscribe {
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
    chrome: Chrome,
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
) -> Result<HttpResponse, crate::web::PageError> {
    let query = query.into_inner();
    let viewer = Viewer::from_request(&req, &query, crate::domain::zone::TimeZone::utc());
    let (reference, base, lang) = (state.reference(), &state.base_url, viewer.lang);
    let feed = |path: FeedPath, label: &str| subscribe(path.url_in(base, lang), label);
    let page = FeedsPage {
        chrome: Chrome::new(&viewer, &reference, &query),
        all: feed(FeedPath::All, &crate::i18n::t(lang, "feed-all-name")),
        regions: reference.regions.iter().map(|r| feed(FeedPath::Region(&r.slug), &r.name_in(lang))).collect(),
        countries: reference.countries.iter().map(|c| feed(FeedPath::Country(&c.iso2), &c.name_in(lang))).collect(),
        topics: reference.topics.iter().map(|t| feed(FeedPath::Topic(&t.slug), &t.name_in(lang))).collect(),
    };
    super::render(&page, viewer.cookie())
}
