//! Health and metrics for operators.

use super::{State, blocking};
use crate::domain::zone::tzdb_version;
use crate::error::AppError;
use actix_web::{HttpResponse, get, web};
use diesel::connection::SimpleConnection;
use serde_json::json;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(healthz).service(metrics);
}

#[get("/healthz")]
async fn healthz(state: State) -> HttpResponse {
    let backend = state.settings.database_url.backend();
    let db =
        blocking::<_, AppError, _>(&state.pool, |conn| conn.batch_execute("SELECT 1").map_err(AppError::from)).await;
    let (status, db_state) = match db {
        Ok(()) => (actix_web::http::StatusCode::OK, "ok"),
        Err(_) => (actix_web::http::StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
    };
    HttpResponse::build(status).insert_header(("Cache-Control", "no-store")).json(json!({
        "status": if status.is_success() { "ok" } else { "unavailable" },
        "database": { "backend": backend, "state": db_state },
        "tzdb": tzdb_version(),
        "version": env!("CARGO_PKG_VERSION"),
    }))
}

#[get("/metrics")]
async fn metrics(state: State) -> HttpResponse {
    // Without the database the request figures are still worth having.
    let outbox = blocking::<_, AppError, _>(&state.pool, |conn| Ok(crate::db::outbox::stats(conn, crate::db::now())?))
        .await
        .ok();
    HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .body(state.metrics.render(&state.pool, outbox))
}
