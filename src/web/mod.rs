//! HTTP: routes per area, shared helpers, middleware.

pub mod api;
pub mod assets;
pub mod ops;
pub mod public;

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
        .configure(api::config)
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
    .map_err(|e| {
        E::from(AppError::Internal(anyhow::anyhow!(
            "blocking task failed: {e}"
        )))
    })?
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
        let route = res
            .request()
            .match_pattern()
            .unwrap_or_else(|| "unmatched".to_string());
        state.metrics.observe(
            &method,
            &route,
            res.status().as_u16(),
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(res)
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
