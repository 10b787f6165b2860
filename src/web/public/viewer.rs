//! Whose clock a page shows: `?tz=` (remembered in a cookie), else the
//! cookie (set by the picker or by the browser-detection script), else the
//! page's own default (the session's zone, or UTC on lists).

use crate::db::reference::Reference;
use crate::domain::lang::Lang;
use crate::domain::zone::{TimeZone, tzdb_version};
use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use std::collections::{BTreeSet, HashMap};

pub const COOKIE: &str = "convene_tz";
/// The language picked with the switcher.
pub const LANG_COOKIE: &str = "convene_lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneSource {
    Query,
    Cookie,
    Default,
}

pub struct Viewer {
    pub zone: TimeZone,
    pub source: ZoneSource,
    /// The switcher's choice, else the browser's `Accept-Language`.
    pub lang: Lang,
    /// This page's path and query, for the language switcher to come back to.
    pub here: String,
}

/// The language of a request: the switcher's cookie, else the best of
/// `Accept-Language`, else English.
pub fn language(req: &HttpRequest) -> Lang {
    if let Some(lang) = req.cookie(LANG_COOKIE).and_then(|c| Lang::parse(c.value())) {
        return lang;
    }
    req.headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::negotiate)
        .unwrap_or_default()
}

impl Viewer {
    pub fn from_request(req: &HttpRequest, query: &HashMap<String, String>, default: TimeZone) -> Self {
        let lang = language(req);
        let here = match req.query_string() {
            "" => req.path().to_string(),
            q => format!("{}?{q}", req.path()),
        };
        let (zone, source) = if let Some(zone) = query.get("tz").and_then(|z| TimeZone::parse(z).ok()) {
            (zone, ZoneSource::Query)
        } else if let Some(zone) = req.cookie(COOKIE).and_then(|c| TimeZone::parse(c.value()).ok()) {
            (zone, ZoneSource::Cookie)
        } else {
            (default, ZoneSource::Default)
        };
        Self { zone, source, lang, here }
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
    pub lang: Lang,
    /// (language, its name, the link that switches to it) for the others.
    /// Every language (named in itself on the page), the link that
    /// switches to it, and whether it is the page's.
    pub switch_to: Vec<(Lang, String, bool)>,
    /// The network's name (network settings; the default in the page's
    /// language), whether an admin set it, and the "funded by" line.
    pub network_name: String,
    pub network_custom: bool,
    pub funded_by: String,
    /// This page's path, to mark where the navigation is.
    pub path: String,
    /// `/network/logo?v=…` when the network has a logo (the version makes
    /// a new logo a new address, so the old one may be cached for long).
    pub logo: Option<String>,
}

/// A template's value as a message argument: whole numbers stay numbers,
/// so that the catalogue can choose plural forms by them.
fn arg(value: impl std::fmt::Display) -> fluent_bundle::FluentValue<'static> {
    let text = value.to_string();
    match text.parse::<i64>() {
        Ok(n) => n.into(),
        Err(_) => text.into(),
    }
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
                (r.name_in(viewer.lang), zones)
            })
            .filter(|(_, zones)| !zones.is_empty())
            .collect();
        let mut other = vec!["UTC".to_string()];
        if !seen.contains(viewer.zone.name()) && viewer.zone.name() != "UTC" {
            other.push(viewer.zone.name().to_string());
        }
        zone_groups.push((crate::i18n::t(viewer.lang, "zone-group-other"), other));
        let switch_to = Lang::ALL
            .iter()
            .map(|l| {
                let q =
                    serde_urlencoded::to_string([("to", l.tag()), ("back", viewer.here.as_str())]).unwrap_or_default();
                (*l, format!("/language?{q}"), *l == viewer.lang)
            })
            .collect();
        let mut keep: Vec<(String, String)> = query
            .iter()
            .filter(|(k, v)| k.as_str() != "tz" && k.len() <= 32 && v.len() <= 100)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        keep.sort();
        let (network_name, network_custom) =
            crate::domain::lang::network_name(viewer.lang, &reference.settings.network_name);
        Self {
            network_name,
            network_custom,
            funded_by: reference.settings.funded_by.clone(),
            path: viewer.here.split('?').next().unwrap_or_default().to_string(),
            logo: reference.settings.logo.as_ref().map(|_| format!("/network/logo?v={}", reference.generation)),
            viewer_zone: viewer.zone.name().to_string(),
            tz_source: match viewer.source {
                ZoneSource::Query => "query",
                ZoneSource::Cookie => "cookie",
                ZoneSource::Default => "default",
            },
            zone_groups,
            keep,
            tzdb: tzdb_version(),
            lang: viewer.lang,
            switch_to,
        }
    }

    /// The frame without a request: no zone picker, language links back
    /// to the home page. For an error answered outside any request.
    pub fn plain(lang: Lang) -> Self {
        let switch_to =
            Lang::ALL.iter().map(|l| (*l, format!("/language?to={}&back=/", l.tag()), *l == lang)).collect();
        Self {
            viewer_zone: "UTC".into(),
            tz_source: "default",
            zone_groups: Vec::new(),
            keep: Vec::new(),
            tzdb: tzdb_version(),
            lang,
            switch_to,
            // No request, no settings read: the default name.
            network_name: crate::i18n::t(lang, "network-name"),
            network_custom: false,
            funded_by: String::new(),
            path: String::new(),
            logo: None,
        }
    }

    /// The footer's line about the service: the catalogue's own words for
    /// the default network, an admin's name quoted as set otherwise.
    pub fn footer_about(&self) -> String {
        if self.network_custom {
            crate::i18n::message(
                self.lang,
                "footer-about-custom",
                &[("network", arg(&self.network_name)), ("tzdb", arg(self.tzdb))],
            )
        } else {
            self.t1("footer-about", "tzdb", self.tzdb)
        }
    }

    /// A message in the page's language.
    pub fn t(&self, id: &str) -> String {
        crate::i18n::t(self.lang, id)
    }

    /// A message with one argument.
    pub fn t1(&self, id: &str, name: &str, value: impl std::fmt::Display) -> String {
        crate::i18n::message(self.lang, id, &[(name, arg(value))])
    }

    /// The message for a value of a kind: `tp("ws-status-", "draft")`.
    pub fn tp(&self, prefix: &str, value: &str) -> String {
        crate::i18n::t(self.lang, &format!("{prefix}{value}"))
    }

    /// A message with two arguments.
    pub fn t2(&self, id: &str, a: &str, av: impl std::fmt::Display, b: &str, bv: impl std::fmt::Display) -> String {
        crate::i18n::message(self.lang, id, &[(a, arg(av)), (b, arg(bv))])
    }

    /// A message with three arguments.
    #[allow(clippy::too_many_arguments)]
    pub fn t3(
        &self,
        id: &str,
        a: &str,
        av: impl std::fmt::Display,
        b: &str,
        bv: impl std::fmt::Display,
        c: &str,
        cv: impl std::fmt::Display,
    ) -> String {
        crate::i18n::message(self.lang, id, &[(a, arg(av)), (b, arg(bv)), (c, arg(cv))])
    }

    /// A message whose wording depends on a count (`{ $count ->`).
    pub fn count(&self, id: &str, count: impl std::borrow::Borrow<usize>) -> String {
        crate::i18n::message(self.lang, id, &[("count", (*count.borrow()).into())])
    }

    /// A region's name in the page's language.
    pub fn region(&self, r: &crate::db::models::Region) -> String {
        r.name_in(self.lang)
    }

    /// A topic's name in the page's language.
    pub fn topic(&self, t: &crate::db::models::Topic) -> String {
        t.name_in(self.lang)
    }

    /// A field error or refusal in the page's language.
    pub fn msg(&self, message: &crate::domain::message::Message) -> String {
        message.in_lang(self.lang)
    }

    /// `aria-current="page"` for the navigation's link to this page (or,
    /// for the sessions list, any page under it).
    pub fn current(&self, href: &str) -> &'static str {
        let here = self.path.as_str();
        let under = href == "/admin/sessions" && here.starts_with("/admin/sessions/");
        if here == href || under { " aria-current=\"page\"" } else { "" }
    }

    /// The place of the zone times are shown in (`Ho Chi Minh`), for the header.
    pub fn viewer_city(&self) -> String {
        match TimeZone::parse(&self.viewer_zone) {
            Ok(zone) => crate::domain::slot::city_in(self.lang, &zone),
            Err(_) => self.viewer_zone.clone(),
        }
    }

    /// "3 of 40 left".
    pub fn seats_left(&self, left: i32, of: i32) -> String {
        crate::i18n::message(self.lang, "seats-left", &[("left", left.into()), ("of", of.into())])
    }

    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    pub fn lang_tag(&self) -> &'static str {
        self.lang.tag()
    }
}

/// `/language?to=fr&back=/sessions/3`: remembers the language and goes back.
pub async fn switch_language(query: actix_web::web::Query<HashMap<String, String>>) -> actix_web::HttpResponse {
    let lang = query.get("to").and_then(|t| Lang::parse(t)).unwrap_or_default();
    // Only a path on this site: never an open redirect.
    let back = crate::web::local_path(query.get("back").map(String::as_str).unwrap_or("/"));
    let cookie =
        Cookie::build(LANG_COOKIE, lang.tag()).path("/").max_age(Duration::days(365)).same_site(SameSite::Lax).finish();
    actix_web::HttpResponse::SeeOther().cookie(cookie).insert_header(("Location", back)).finish()
}
