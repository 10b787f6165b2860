//! Certificates of attendance through the API: issue a held session's,
//! list them, revoke one (see `crate::certificates`).

use super::{acting, require_token};
use crate::certificates::{Issued, number_of, verify_url};
use crate::db::ids::SessionId;
use crate::db::models::CertificateRow;
use crate::error::AppError;
use crate::web::{State, blocking};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

/// A certificate as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct CertificateOut {
    /// "CBRN-2027-000123": unique, never reused.
    pub number: String,
    /// The verification code: `GET /certificates/{code}` shows whether it is valid.
    pub code: String,
    pub verify_url: String,
    pub registration_id: i32,
    pub name: String,
    pub organisation: String,
    pub country: String,
    #[schema(value_type = String, format = DateTime)]
    pub issued_at: chrono::DateTime<chrono::Utc>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub reissued_at: Option<chrono::DateTime<chrono::Utc>>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl CertificateOut {
    fn new(c: &CertificateRow, issuer: &crate::certificates::Issuer) -> Self {
        Self {
            number: number_of(issuer, c),
            code: c.code.clone(),
            verify_url: verify_url(issuer, c),
            registration_id: c.registration_id.0,
            name: c.name.clone(),
            organisation: c.organisation.clone(),
            country: c.country_iso2.clone(),
            issued_at: c.issued_at.and_utc(),
            reissued_at: c.reissued_at.map(|t| t.and_utc()),
            revoked_at: c.revoked_at.map(|t| t.and_utc()),
        }
    }
}

/// Issue the certificates of a session that has been held: every
/// confirmed registrant marked attended, and present for at least
/// `min_presence_percent` of the session's minutes when their minutes are
/// known, gets one by email with the PDF attached. Issuing again issues to
/// those who qualify since, reissues (same number) to those whose name or
/// organisation was corrected, and leaves the others.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/certificates", tag = "certificates",
    params(("id" = i32, Path, description = "session id")),
    request_body(content = Object, description = "optional: `min_presence_percent` (1–100, default 75)"),
    responses((status = 200, body = Issued),
              (status = 401, body = crate::web::api::docs::Problem),
              (status = 403, body = crate::web::api::docs::Problem, description = "a session outside the token's scope"),
              (status = 404, body = crate::web::api::docs::Problem),
              (status = 409, body = crate::web::api::docs::Problem, description = "the session has not been held (not ended, a draft or cancelled)"),
              (status = 422, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn issue_certificates(
    req: HttpRequest,
    state: State,
    id: web::Path<SessionId>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let who = require_token(&req, &state).await?;
    let fields = if body.iter().all(u8::is_ascii_whitespace) {
        serde_json::Map::new()
    } else {
        let value: serde_json::Value =
            serde_json::from_slice(&body).map_err(|e| AppError::BadRequest(format!("the body is not JSON: {e}")))?;
        super::object(value)?
    };
    let percent = crate::domain::certificate::read_issue(&fields).map_err(AppError::Validation)?;
    let (actor, issuer, reference, notifier) =
        (acting(&who), state.issuer(), state.reference(), state.composer.clone());
    let id = id.into_inner();
    let issued = blocking(&state.pool, move |conn| {
        crate::certificates::issue(conn, &reference, id, percent, &actor, &issuer, &notifier).map_err(AppError::from)
    })
    .await?;
    state.mail_queued();
    Ok(HttpResponse::Ok().json(issued))
}

/// The certificates of a session, by number.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/certificates", tag = "certificates",
    params(("id" = i32, Path, description = "session id")),
    responses((status = 200, body = Vec<CertificateOut>),
              (status = 401, body = crate::web::api::docs::Problem),
              (status = 403, body = crate::web::api::docs::Problem),
              (status = 404, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn list_certificates(
    req: HttpRequest,
    state: State,
    id: web::Path<SessionId>,
) -> Result<HttpResponse, AppError> {
    let who = require_token(&req, &state).await?;
    let (id, issuer) = (id.into_inner(), state.issuer());
    let list = blocking(&state.pool, move |conn| {
        let session = crate::db::sessions::find(conn, id)?.ok_or(AppError::NotFound)?;
        if who.access.is_focal_point() || !who.access.may_change(session.row.organising_region_id) {
            return Err(AppError::Forbidden(crate::domain::message::Message::id("not-your-region")));
        }
        Ok(crate::db::certificates::for_session(conn, id)?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(list.iter().map(|c| CertificateOut::new(c, &issuer)).collect::<Vec<_>>()))
}

/// Revoke a certificate: its verification page then says it is revoked,
/// and its holder can no longer download it.
#[utoipa::path(post, path = "/api/v1/certificates/{code}/revoke", tag = "certificates",
    params(("code" = String, Path, description = "verification code")),
    responses((status = 200, body = CertificateOut),
              (status = 401, body = crate::web::api::docs::Problem),
              (status = 403, body = crate::web::api::docs::Problem),
              (status = 404, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn revoke_certificate(
    req: HttpRequest,
    state: State,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let who = require_token(&req, &state).await?;
    let code = crate::domain::certificate::read_code(&code).ok_or(AppError::NotFound)?;
    let (actor, issuer) = (acting(&who), state.issuer());
    let revoked =
        blocking(&state.pool, move |conn| crate::certificates::revoke(conn, &code, &actor).map_err(AppError::from))
            .await?;
    Ok(HttpResponse::Ok().json(CertificateOut::new(&revoked, &issuer)))
}
