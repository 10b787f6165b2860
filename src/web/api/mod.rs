//! JSON API v1. Errors are RFC 9457 problem documents; writes need a bearer
//! token (except, later, a participant's own registration).

mod certificates;
mod docs;
mod nominations;
mod reference;
mod registrations;
mod reports;
mod series;
mod sessions;

use super::{State, blocking};
use crate::db::accounts;
use crate::db::accounts::TokenActor;
use crate::db::reference::Reference;
use crate::db::sessions::Session;
use crate::domain::session::SessionStatus;
use crate::error::AppError;
use actix_web::error::JsonPayloadError;
use actix_web::{HttpRequest, web};

/// Largest JSON body accepted. A session's description is at most 20,000
/// characters (up to 80 kB of UTF-8), so this leaves room and no more.
pub const JSON_LIMIT: usize = 128 * 1024;

pub fn config(cfg: &mut web::ServiceConfig) {
    let json = web::JsonConfig::default().limit(JSON_LIMIT).error_handler(|err, _req| {
        let app = match &err {
            JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
                AppError::PayloadTooLarge
            }
            JsonPayloadError::ContentType => AppError::UnsupportedMediaType,
            JsonPayloadError::Deserialize(e) => AppError::BadRequest(format!("the body is not valid JSON: {e}")),
            other => AppError::BadRequest(format!("the body could not be read: {other}")),
        };
        actix_web::error::InternalError::from_response(err, actix_web::ResponseError::error_response(&app)).into()
    });
    let query = web::QueryConfig::default().error_handler(|err, _req| {
        let app = AppError::BadRequest(format!("the query string could not be read: {err}"));
        actix_web::error::InternalError::from_response(err, actix_web::ResponseError::error_response(&app)).into()
    });
    cfg.service(
        web::scope("/api")
            .app_data(json)
            .app_data(query)
            .service(resource("/openapi.json", "GET").route(web::get().to(docs::openapi_json)))
            .service(
                resource("/v1/sessions", "GET, POST")
                    .route(web::get().to(sessions::list_sessions))
                    .route(web::post().to(sessions::create_session)),
            )
            .service(
                resource("/v1/sessions/{id}", "GET, PATCH")
                    .route(web::get().to(sessions::get_session))
                    .route(web::patch().to(sessions::patch_session)),
            )
            .service(resource("/v1/sessions/{id}/cancel", "POST").route(web::post().to(sessions::cancel_session)))
            .service(
                resource("/v1/sessions/{id}/registrations", "GET, POST")
                    .route(web::get().to(registrations::list_registrations))
                    .route(web::post().to(registrations::create_registration)),
            )
            .service(
                resource("/v1/registrations/{token}/cancel", "POST")
                    .route(web::post().to(registrations::cancel_registration)),
            )
            .service(
                resource("/v1/sessions/{id}/nominations", "POST").route(web::post().to(nominations::create_nomination)),
            )
            .service(
                resource("/v1/registrations/{token}/accept", "POST")
                    .route(web::post().to(nominations::accept_nomination)),
            )
            .service(
                resource("/v1/registrations/{token}/decline", "POST")
                    .route(web::post().to(nominations::decline_nomination)),
            )
            .service(
                resource("/v1/registrations/{id}/endorse", "POST")
                    .route(web::post().to(nominations::endorse_registration)),
            )
            .service(
                resource("/v1/registrations/{id}/decline-endorsement", "POST")
                    .route(web::post().to(nominations::decline_endorsement)),
            )
            .service(
                resource("/v1/registrations/{id}/withdraw", "POST")
                    .route(web::post().to(nominations::withdraw_nomination)),
            )
            .service(
                resource("/v1/registrations/{id}/replace", "POST").route(web::post().to(nominations::replace_nominee)),
            )
            .service(
                resource("/v1/registrations/{id}/attendance", "POST")
                    .route(web::post().to(registrations::record_attendance)),
            )
            .service(
                resource("/v1/registrations/{id}/approve", "POST")
                    .route(web::post().to(registrations::approve_registration)),
            )
            .service(
                resource("/v1/registrations/{id}/reject", "POST")
                    .route(web::post().to(registrations::reject_registration)),
            )
            .service(resource("/v1/series", "POST").route(web::post().to(series::create_series)))
            .service(resource("/v1/series/{id}/registrations", "POST").route(web::post().to(series::register_series)))
            .service(
                resource("/v1/series/{id}", "GET, PATCH")
                    .route(web::get().to(series::get_series))
                    .route(web::patch().to(series::patch_series)),
            )
            .service(
                resource("/v1/sessions/{id}/certificates", "GET, POST")
                    .route(web::get().to(certificates::list_certificates))
                    .route(web::post().to(certificates::issue_certificates)),
            )
            .service(
                resource("/v1/certificates/{code}/revoke", "POST")
                    .route(web::post().to(certificates::revoke_certificate)),
            )
            .service(resource("/v1/reports/participation", "GET").route(web::get().to(reports::participation)))
            .service(resource("/v1/regions", "GET").route(web::get().to(reference::list_regions)))
            .service(resource("/v1/countries", "GET").route(web::get().to(reference::list_countries)))
            .service(resource("/v1/topics", "GET").route(web::get().to(reference::list_topics)))
            .default_service(web::to(|| async { Err::<actix_web::HttpResponse, _>(AppError::NotFound) })),
    );
}

/// A resource whose other methods get 405 with `Allow`, as HTTP asks,
/// rather than the scope's 404.
fn resource(path: &str, allow: &'static str) -> actix_web::Resource {
    web::resource(path).default_service(web::to(move || async move {
        Err::<actix_web::HttpResponse, _>(AppError::MethodNotAllowed(allow))
    }))
}

/// The name of the API token presented, if any. A token that is presented
/// but unknown or revoked is refused outright rather than treated as absent.
/// The bearer token's actor, if the request carries one; a token that is
/// unknown, revoked or of a disabled account is a 401.
pub async fn token(req: &HttpRequest, state: &State) -> Result<Option<TokenActor>, AppError> {
    let Some(header) = req.headers().get(actix_web::http::header::AUTHORIZATION) else {
        return Ok(None);
    };
    let secret = header
        .to_str()
        .ok()
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty() && s.len() <= 200)
        .ok_or(AppError::Unauthorized)?;
    let actor = blocking(&state.pool, move |conn| accounts::token_actor(conn, &secret).map_err(AppError::from)).await?;
    actor.map(Some).ok_or(AppError::Unauthorized)
}

pub async fn require_token(req: &HttpRequest, state: &State) -> Result<TokenActor, AppError> {
    token(req, state).await?.ok_or(AppError::Unauthorized)
}

/// Whether the request's token sees drafts and every registrant: any
/// token but a focal point's.
pub async fn sees_everything(req: &HttpRequest, state: &State) -> Result<bool, AppError> {
    Ok(token(req, state).await?.is_some_and(|t| !t.access.is_focal_point()))
}

/// How a token is named in the audit log.
pub fn label(t: &TokenActor) -> String {
    match &t.account {
        Some(email) => format!("token:{} ({email})", t.name),
        None => format!("token:{}", t.name),
    }
}

/// The token as the maker of a change to sessions.
pub fn acting(t: &TokenActor) -> crate::sessions::Actor {
    crate::sessions::Actor { name: label(t), scope: t.access.sessions.clone() }
}

/// Whether a token sees a session: a focal point only those open to one of
/// its countries, and never a draft; any other token every session.
pub fn sees_session(t: &TokenActor, session: &Session, reference: &Reference) -> bool {
    !t.access.is_focal_point()
        || (session.status() != SessionStatus::Draft && t.access.countries.iter().any(|c| session.admits(reference, c)))
}

/// Whether a token sees a session's registrants: a focal point those of its
/// countries in a session it sees; any other token those of the sessions it
/// may change.
pub fn sees_registrants(t: &TokenActor, session: &Session, reference: &Reference) -> bool {
    if t.access.is_focal_point() {
        sees_session(t, session, reference)
    } else {
        t.access.may_change(session.row.organising_region_id)
    }
}

/// A session outside what the token may change.
pub fn outside_scope() -> AppError {
    AppError::Forbidden("This session is outside what this token's account may change.".into())
}

/// A JSON body that must be an object.
pub fn object(body: serde_json::Value) -> Result<serde_json::Map<String, serde_json::Value>, AppError> {
    match body {
        serde_json::Value::Object(m) => Ok(m),
        _ => Err(AppError::BadRequest("the body must be a JSON object".into())),
    }
}
