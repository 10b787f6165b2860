//! `GET /api/v1/reports/participation`: the programme's figures over a
//! period, within what the token's account may see (see `crate::reports`).

use super::require_token;
use crate::domain::report::{Participation, Period};
use crate::error::AppError;
use crate::reports::ReportFilter;
use crate::web::{State, blocking};
use actix_web::{HttpRequest, HttpResponse, web};
use std::collections::HashMap;

/// Participation over a period: sessions, registrations, attendance,
/// unique and returning people, by country, region, topic and month.
#[utoipa::path(get, path = "/api/v1/reports/participation", tag = "reports",
    params(("from" = Option<String>, Query, description = "first day, YYYY-MM-DD (default: 1 January of this year)"),
           ("to" = Option<String>, Query, description = "last day, included, YYYY-MM-DD (default: 31 December of this year)"),
           ("region" = Option<String>, Query, description = "a region's slug: its countries' participants, in the sessions open to them"),
           ("country" = Option<String>, Query, description = "ISO alpha-2: that country's participants, in the sessions open to it"),
           ("topic" = Option<String>, Query, description = "a topic's slug: sessions of that topic"),
           ("kind" = Option<String>, Query, description = "webinar, training, meeting or exercise"),
           ("format" = Option<String>, Query, description = "online, in_person or hybrid")),
    responses((status = 200, body = Participation),
              (status = 401, body = crate::web::api::docs::Problem),
              (status = 422, body = crate::web::api::docs::Problem, description = "a date that does not read, `to` before `from`, a filter naming nothing known, or an unknown parameter")),
    security(("bearer" = [])))]
pub async fn participation(
    req: HttpRequest,
    state: State,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let who = require_token(&req, &state).await?;
    let known = |k: &str| matches!(k, "from" | "to") || ReportFilter::PARAMETERS.contains(&k);
    if let Some(unknown) = query.keys().find(|k| !known(k)) {
        let errors = crate::domain::fields::FieldErrors::single(unknown, "is not a parameter of this report");
        return Err(AppError::Validation(errors));
    }
    let today = crate::db::now().date();
    let reference = state.reference();
    let period = Period::parse(query.get("from").map(String::as_str), query.get("to").map(String::as_str), today);
    let only = ReportFilter::read(&query, &reference);
    let (period, only) = match (period, only) {
        (Ok(p), Ok(f)) => (p, f),
        (p, f) => {
            let mut errors = p.err().unwrap_or_default();
            errors.merge(f.err().unwrap_or_default());
            return Err(AppError::Validation(errors));
        }
    };
    let report = blocking(&state.pool, move |conn| {
        crate::reports::participation_for(conn, &reference, &who.access, period, &only).map_err(AppError::from)
    })
    .await?;
    Ok(HttpResponse::Ok().json(report))
}
