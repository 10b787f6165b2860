//! Whose clock a page shows: `?tz=` (remembered in a cookie), else the
//! cookie (set by the picker or by the browser-detection script), else the
//! page's own default (the session's zone, or UTC on lists).

use crate::db::reference::Reference;
use crate::domain::zone::{TimeZone, tzdb_version};
use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use std::collections::{BTreeSet, HashMap};

pub const COOKIE: &str = "convene_tz";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneSource {
    Query,
    Cookie,
    Default,
}

pub struct Viewer {
    pub zone: TimeZone,
    pub source: ZoneSource,
}

impl Viewer {
    pub fn from_request(req: &HttpRequest, query: &HashMap<String, String>, default: TimeZone) -> Self {
        if let Some(zone) = query.get("tz").and_then(|z| TimeZone::parse(z).ok()) {
            return Self { zone, source: ZoneSource::Query };
        }
        if let Some(zone) = req.cookie(COOKIE).and_then(|c| TimeZone::parse(c.value()).ok()) {
            return Self { zone, source: ZoneSource::Cookie };
        }
        Self { zone: default, source: ZoneSource::Default }
    }

    /// A chosen zone is remembered for the next page.
    pub fn cookie(&self) -> Option<Cookie<'static>> {
        (self.source == ZoneSource::Query).then(|| {
            Cookie::build(COOKIE, self.zone.name().to_string())
                .path("/")
                .max_age(Duration::days(365))
                .same_site(SameSite::Lax)
                .finish()
        })
    }
}

/// What every page's frame shows: the zone picker and the footer.
pub struct Chrome {
    pub viewer_zone: String,
    pub tz_source: &'static str,
    pub zone_groups: Vec<(String, Vec<String>)>,
    /// Other query parameters, kept when the zone is changed.
    pub keep: Vec<(String, String)>,
    pub tzdb: &'static str,
}

impl Chrome {
    pub fn new(viewer: &Viewer, reference: &Reference, query: &HashMap<String, String>) -> Self {
        let mut seen = BTreeSet::new();
        let mut zone_groups: Vec<(String, Vec<String>)> = reference
            .regions
            .iter()
            .map(|r| {
                let mut zones: Vec<String> = reference
                    .countries_in(r.id)
                    .iter()
                    .flat_map(|c| reference.zones_of(&c.iso2).iter().cloned())
                    .filter(|z| seen.insert(z.clone()))
                    .collect();
                zones.sort();
                (r.name.clone(), zones)
            })
            .filter(|(_, zones)| !zones.is_empty())
            .collect();
        let mut other = vec!["UTC".to_string()];
        if !seen.contains(viewer.zone.name()) && viewer.zone.name() != "UTC" {
            other.push(viewer.zone.name().to_string());
        }
        zone_groups.push(("Other".to_string(), other));
        let mut keep: Vec<(String, String)> = query
            .iter()
            .filter(|(k, v)| k.as_str() != "tz" && k.len() <= 32 && v.len() <= 100)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        keep.sort();
        Self {
            viewer_zone: viewer.zone.name().to_string(),
            tz_source: match viewer.source {
                ZoneSource::Query => "query",
                ZoneSource::Cookie => "cookie",
                ZoneSource::Default => "default",
            },
            zone_groups,
            keep,
            tzdb: tzdb_version(),
        }
    }
}
