//! iCal feeds for calendar clients: what each feed holds (`content`), the
//! cache of rendered feeds (`cache`), conditional and compressed answers
//! (`http`) and the routes (`routes`). The `/feeds` page that lists them
//! is a public page (`web::public::feeds`). Every event comes from
//! `sessions::calendar::event_for`, the same as the emailed invites.

mod cache;
mod content;
mod http;
mod routes;

pub use cache::{FeedCache, warm};
pub use content::PAST_DAYS;

use crate::db::ids::SeriesId;
use actix_web::web;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(routes::all_feed)
        .service(routes::region_feed)
        .service(routes::country_feed)
        .service(routes::topic_feed)
        .service(routes::series_feed)
        .service(routes::personal_feed)
        .service(routes::session_invite);
}

/// Each feed's address: the one place that spells them.
pub enum FeedPath<'a> {
    All,
    Region(&'a str),
    Country(&'a str),
    Topic(&'a str),
    Series(SeriesId),
    /// A registration's (`f_…`) or an address's (`p_…`) feed token.
    Personal(&'a str),
}

impl FeedPath<'_> {
    pub fn path(&self) -> String {
        match self {
            FeedPath::All => "/feeds/all.ics".to_string(),
            FeedPath::Region(slug) => format!("/feeds/regions/{slug}.ics"),
            FeedPath::Country(iso2) => format!("/feeds/countries/{iso2}.ics"),
            FeedPath::Topic(slug) => format!("/feeds/topics/{slug}.ics"),
            FeedPath::Series(id) => format!("/feeds/series/{id}.ics"),
            FeedPath::Personal(token) => format!("/feeds/personal/{token}.ics"),
        }
    }

    pub fn url(&self, base_url: &str) -> String {
        format!("{base_url}{}", self.path())
    }

    /// A shared feed's address in a language: `?lang=ar` unless English.
    /// A personal feed has its registration's language and no parameter.
    pub fn url_in(&self, base_url: &str, lang: crate::domain::lang::Lang) -> String {
        match (self, lang) {
            (FeedPath::Personal(_), _) | (_, crate::domain::lang::Lang::En) => self.url(base_url),
            _ => format!("{}?lang={}", self.url(base_url), lang.tag()),
        }
    }
}
