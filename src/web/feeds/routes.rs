//! The feed routes: the public feeds, a person's own feed, and one
//! session as a file.

use super::cache::current;
use super::content::{ALL_DESCRIPTION, ALL_NAME, Content, feed_event, personal, public, window};
use super::http::respond;
use crate::calendar::{self, Method};
use crate::db::ids::{SeriesId, SessionId};
use crate::db::reference::Reference;
use crate::db::registrations as registration_store;
use crate::db::sessions::{self as session_store, SessionFilter};
use crate::db::{self, DbConn};
use crate::domain::session::SessionStatus;
use crate::error::AppError;
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
    public_feed(&req, &state, "all".into(), |f| f, ALL_NAME.into(), ALL_DESCRIPTION.into()).await
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
    let id: SeriesId = slug_of(&id).and_then(|s| s.parse().ok()).ok_or(AppError::NotFound)?;
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

/// One session as a calendar file (public: no webinar link).
#[get("/sessions/{id}/invite.ics")]
pub async fn session_invite(state: State, id: web::Path<SessionId>) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let session = blocking(&state.pool, move |conn| session_store::find(conn, id).map_err(AppError::from))
        .await?
        .ok_or(AppError::NotFound)?;
    if session.status() == SessionStatus::Draft {
        return Err(AppError::NotFound);
    }
    let reference = state.reference();
    let event = feed_event(&session, &reference, &state.base_url, &Audience::Public);
    let text = calendar::calendar(Method::Publish, None, &[event], Utc::now());
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"session-{id}.ics\"")))
        .body(text))
}
