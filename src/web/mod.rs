//! HTTP: routes per area, shared helpers, middleware.

pub mod admin;
pub mod api;
pub mod assets;
pub mod csrf;
pub mod feeds;
pub mod ops;
pub mod public;
pub mod ratelimit;

use crate::db::{DbConn, Pool};
use crate::error::AppError;
use crate::startup::AppState;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::{DefaultHeaders, Next};
use actix_web::web;

pub type State = web::Data<AppState>;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(ops::config)
        .configure(assets::config)
        .configure(admin::config)
        .configure(api::config)
        .configure(feeds::config)
        .configure(public::config)
        .default_service(web::to(public::not_found));
}

/// Runs database work on the blocking pool, off the async workers.
pub async fn blocking<T, E, F>(pool: &Pool, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<AppError> + From<diesel::r2d2::PoolError> + Send + 'static,
{
    let pool = pool.clone();
    web::block(move || {
        let mut conn = pool.get()?;
        f(&mut conn)
    })
    .await
    .map_err(|e| E::from(AppError::Internal(anyhow::anyhow!("blocking task failed: {e}"))))?
}

/// The client's address. Behind a reverse proxy this is the proxy's
/// address; deployments there should rate-limit at the proxy too.
pub fn client_ip(req: &actix_web::HttpRequest) -> Option<std::net::IpAddr> {
    req.peer_addr().map(|a| a.ip())
}

/// Cookies are marked Secure when the service is reached over https.
pub fn secure_cookies(req: &actix_web::HttpRequest) -> bool {
    req.app_data::<State>().is_some_and(|s| s.base_url.starts_with("https://"))
}

/// Applies `CONVENE_RATE_LIMIT_PER_MINUTE` to the caller's address.
pub fn rate_limit(req: &actix_web::HttpRequest, state: &State) -> Result<(), AppError> {
    state.limiter.check(client_ip(req)).map_err(AppError::TooManyRequests)
}

/// Counts and times every request by its route pattern (never the raw
/// path: ids and tokens would explode the label set).
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = std::time::Instant::now();
    let method = req.method().to_string();
    let state = req.app_data::<State>().cloned();
    let res = next.call(req).await?;
    if let Some(state) = state {
        let route = res.request().match_pattern().unwrap_or_else(|| "unmatched".to_string());
        state.metrics.observe(&method, &route, res.status().as_u16(), started.elapsed().as_secs_f64());
    }
    Ok(res)
}

/// Error pages in the reader's language: a handler's [`PageError`] is
/// answered in English, then written again here, where the request is known.
pub async fn localize_error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    let res = next.call(req).await?;
    // Only error pages pay for finding the language.
    let page = res.response().error().and_then(|e| e.as_error::<crate::error::PageError>()).and_then(|e| {
        let lang = public::language(res.request());
        (lang != crate::domain::lang::Lang::En).then(|| e.response_in(lang))
    });
    match page {
        Some(page) => Ok(res.into_response(page)),
        None => Ok(res.map_into_boxed_body()),
    }
}

pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "same-origin"))
        .add(("X-Frame-Options", "DENY"))
        .add((
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ))
}
