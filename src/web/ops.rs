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

/// Prometheus text. With `CONVENE_METRICS_TOKEN` set, only for requests
/// that bear it (`Authorization: Bearer …`, compared in constant time).
#[get("/metrics")]
async fn metrics(req: actix_web::HttpRequest, state: State) -> HttpResponse {
    if let Some(expected) = &state.settings.metrics_token {
        let given = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if !crate::domain::secret::same(given.trim(), &expected.0) {
            return HttpResponse::Unauthorized()
                .insert_header(("WWW-Authenticate", "Bearer realm=\"metrics\""))
                .content_type("text/plain; charset=utf-8")
                .body("The metrics need the token set in CONVENE_METRICS_TOKEN.\n");
        }
    }
    // Without the database the request figures are still worth having.
    let outbox = blocking::<_, AppError, _>(&state.pool, |conn| Ok(crate::db::outbox::stats(conn, crate::db::now())?))
        .await
        .ok();
    HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .body(state.metrics.render(&state.pool, outbox))
}
