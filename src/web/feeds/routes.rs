//! The feed routes: the public feeds, a person's own feed, and one
//! session as a file.

use super::cache::current;
use super::content::{Content, Public, all_named, feed_event, personal, public, window};
use super::http::respond;
use crate::calendar::{self, Method};
use crate::db::ids::{SeriesId, SessionId};
use crate::db::reference::Reference;
use crate::db::registrations as registration_store;
use crate::db::sessions::{self as session_store, SessionFilter};
use crate::db::{self, DbConn};
use crate::domain::lang::Lang;
use crate::domain::session::SessionStatus;
use crate::error::AppError;
use crate::i18n;
use crate::sessions::calendar::Audience;
use crate::web::{State, blocking};
use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::Utc;

/// Serves a feed from the cache or renders it; `build` returns None for an
/// unknown feed (404).
async fn serve<F>(req: &HttpRequest, state: &State, key: String, build: F) -> Result<HttpResponse, AppError>
where
    F: FnOnce(&mut DbConn, &Reference) -> Result<Option<Content>, AppError> + Send + 'static,
{
    Ok(respond(req, &*current(state, key, build).await?))
}

/// A shared feed's language: `?lang=fr` (a tag Convene speaks), English
/// without one. The language is part of the address, not negotiated,
/// because calendar apps fetch a feed without the reader's preferences.
#[derive(serde::Deserialize)]
pub struct FeedQuery {
    lang: Option<String>,
}

impl FeedQuery {
    fn lang(&self) -> Result<Lang, AppError> {
        match self.lang.as_deref() {
            None | Some("") => Ok(Lang::En),
            Some(tag) => Lang::ALL.into_iter().find(|l| l.tag() == tag).ok_or_else(|| {
                let known: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
                AppError::BadRequest(format!("lang must be one of: {}", known.join(", ")))
            }),
        }
    }
}

fn slug_of(raw: &str) -> Option<String> {
    raw.strip_suffix(".ics").filter(|s| !s.is_empty() && s.len() <= 64).map(str::to_string)
}

/// Serves a public feed: the sessions `narrow` selects from the window,
/// cached per language.
async fn public_feed(
    req: &HttpRequest,
    state: &State,
    key: String,
    lang: Lang,
    narrow: impl FnOnce(SessionFilter) -> SessionFilter + Send + 'static,
    (name, description): (String, String),
) -> Result<HttpResponse, AppError> {
    let base = state.base_url.clone();
    let events = state.feeds.events.clone();
    let pool = Some(state.pool.clone());
    let key = format!("{key}:{}", lang.tag());
    serve(req, state, key, move |conn, reference| {
        let feed = Public { filter: narrow(window(db::now())), lang, name, description, pool };
        Ok(Some(public(conn, reference, &base, &events, feed)?))
    })
    .await
}

/// "Convene: Central Asia" and "Sessions open to participants from Central Asia", in `lang`.
fn open_to(lang: Lang, name: &str) -> (String, String) {
    (
        i18n::message(lang, "feed-name", &[("name", name.into())]),
        i18n::message(lang, "feed-open-to", &[("name", name.into())]),
    )
}

#[get("/feeds/all.ics")]
pub async fn all_feed(req: HttpRequest, state: State, q: web::Query<FeedQuery>) -> Result<HttpResponse, AppError> {
    let lang = q.lang()?;
    let named = all_named(lang, &state.reference().settings.network_name);
    public_feed(&req, &state, "all".into(), lang, |f| f, named).await
}

#[get("/feeds/regions/{slug}")]
pub async fn region_feed(
    req: HttpRequest,
    state: State,
    slug: web::Path<String>,
    q: web::Query<FeedQuery>,
) -> Result<HttpResponse, AppError> {
    let lang = q.lang()?;
    let region = slug_of(&slug).and_then(|s| state.reference().region(&s).cloned()).ok_or(AppError::NotFound)?;
    let named = open_to(lang, &region.name_in(lang));
    let key = format!("region:{}", region.slug);
    public_feed(&req, &state, key, lang, move |f| SessionFilter { region_id: Some(region.id), ..f }, named).await
}

#[get("/feeds/countries/{iso2}")]
pub async fn country_feed(
    req: HttpRequest,
    state: State,
    iso2: web::Path<String>,
    q: web::Query<FeedQuery>,
) -> Result<HttpResponse, AppError> {
    let lang = q.lang()?;
    let country = slug_of(&iso2).and_then(|c| state.reference().country(&c).cloned()).ok_or(AppError::NotFound)?;
    let named = open_to(lang, &country.name_in(lang));
    let key = format!("country:{}", country.iso2);
    public_feed(&req, &state, key, lang, move |f| SessionFilter { country: Some(country.iso2), ..f }, named).await
}

#[get("/feeds/topics/{slug}")]
pub async fn topic_feed(
    req: HttpRequest,
    state: State,
    slug: web::Path<String>,
    q: web::Query<FeedQuery>,
) -> Result<HttpResponse, AppError> {
    let lang = q.lang()?;
    let topic = slug_of(&slug).and_then(|s| state.reference().topic(&s).cloned()).ok_or(AppError::NotFound)?;
    let name = topic.name_in(lang);
    let named = (
        i18n::message(lang, "feed-name", &[("name", name.as_str().into())]),
        i18n::message(lang, "feed-topic", &[("name", name.as_str().into())]),
    );
    let key = format!("topic:{}", topic.slug);
    public_feed(&req, &state, key, lang, move |f| SessionFilter { topic_id: Some(topic.id), ..f }, named).await
}

/// Every occurrence of a series, published or cancelled.
#[get("/feeds/series/{id}")]
pub async fn series_feed(
    req: HttpRequest,
    state: State,
    id: web::Path<String>,
    q: web::Query<FeedQuery>,
) -> Result<HttpResponse, AppError> {
    let lang = q.lang()?;
    let id: SeriesId = slug_of(&id).and_then(|s| s.parse().ok()).ok_or(AppError::NotFound)?;
    let series = blocking(&state.pool, move |conn| crate::db::series::public(conn, id).map_err(AppError::from))
        .await?
        .ok_or(AppError::NotFound)?;
    let named = (
        i18n::message(lang, "feed-name", &[("name", series.title.as_str().into())]),
        i18n::message(lang, "feed-series", &[("title", series.title.as_str().into())]),
    );
    let key = format!("series:{id}");
    public_feed(&req, &state, key, lang, move |f| SessionFilter { series_id: Some(id), ..f }, named).await
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

/// One session as a calendar file (public: no webinar link).
#[get("/sessions/{id}/invite.ics")]
pub async fn session_invite(
    state: State,
    id: web::Path<SessionId>,
    q: web::Query<FeedQuery>,
) -> Result<HttpResponse, AppError> {
    let lang = q.lang()?;
    let id = id.into_inner();
    let session = blocking(&state.pool, move |conn| session_store::find(conn, id).map_err(AppError::from))
        .await?
        .ok_or(AppError::NotFound)?;
    if session.status() == SessionStatus::Draft {
        return Err(AppError::NotFound);
    }
    let reference = state.reference();
    let event = feed_event(&session, &reference, &state.base_url, &Audience::Public(lang), lang);
    let text = calendar::calendar(Method::Publish, None, &[event], Utc::now());
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"session-{id}.ics\"")))
        .body(text))
}
