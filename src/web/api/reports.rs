//! `GET /api/v1/reports/participation`: the programme's figures over a
//! period, within what the token's account may see (see `crate::reports`).

use super::require_token;
use crate::domain::report::{Participation, Period};
use crate::error::AppError;
use crate::web::{State, blocking};
use actix_web::{HttpRequest, HttpResponse, web};
use std::collections::HashMap;

/// Participation over a period: sessions, registrations, attendance,
/// unique and returning people, by country, region, topic and month.
#[utoipa::path(get, path = "/api/v1/reports/participation", tag = "reports",
    params(("from" = Option<String>, Query, description = "first day, YYYY-MM-DD (default: 1 January of this year)"),
           ("to" = Option<String>, Query, description = "last day, included, YYYY-MM-DD (default: 31 December of this year)")),
    responses((status = 200, body = Participation),
              (status = 401, body = crate::web::api::docs::Problem),
              (status = 422, body = crate::web::api::docs::Problem, description = "a date that does not read, or `to` before `from`")),
    security(("bearer" = [])))]
pub async fn participation(
    req: HttpRequest,
    state: State,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let who = require_token(&req, &state).await?;
    if let Some(unknown) = query.keys().find(|k| !matches!(k.as_str(), "from" | "to")) {
        let errors = crate::domain::fields::FieldErrors::single(unknown, "is not a parameter of this report");
        return Err(AppError::Validation(errors));
    }
    let today = crate::db::now().date();
    let period = Period::parse(query.get("from").map(String::as_str), query.get("to").map(String::as_str), today)
        .map_err(AppError::Validation)?;
    let reference = state.reference();
    let report = blocking(&state.pool, move |conn| {
        crate::reports::participation_for(conn, &reference, &who.access, period).map_err(AppError::from)
    })
    .await?;
    Ok(HttpResponse::Ok().json(report))
}
