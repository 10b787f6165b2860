//! Nominations through National Focal Points (see
//! `registrations::nominations`): a focal point's token nominates people
//! of its countries; the nominee accepts or declines with the secret of
//! the link they were emailed.

use super::registrations::RegistrationOut;
use super::{label, object, require_token};
use crate::db::ids::SessionId;
use crate::db::registrations as store;
use crate::domain::registration::NominationInput;
use crate::error::AppError;
use crate::registrations::nominations::{self, Nominator};
use crate::web::{State, blocking};
use actix_web::{HttpRequest, HttpResponse, web};

/// Nominate someone (a focal point's token for its countries, an
/// organiser's for its regions' sessions, or a token of no account). The
/// answer carries no secret: the link to accept goes only to the nominee.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/nominations", tag = "nominations",
    params(("id" = i32, Path, description = "session id")),
    request_body(content = Object, description = "`name`, `email`, `organisation`, `position` (optional), `country` (ISO alpha-2), `role` (participant (default), trainer, observer, speaker), `note` (optional, for the organisers), `time_zone` and `language` (optional, as for a registration). No `consent`: the nominee gives it when accepting."),
    responses((status = 201, body = RegistrationOut, description = "status `nominated`: a place is held in capacity and quota"),
              (status = 401, body = crate::web::api::docs::Problem),
              (status = 403, body = crate::web::api::docs::Problem, description = "another country's person, a session outside the account's scope, or nominations closed"),
              (status = 404, body = crate::web::api::docs::Problem),
              (status = 409, body = crate::web::api::docs::Problem, description = "already registered or nominated, or no place (capacity or the country's quota)"),
              (status = 422, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn create_nomination(
    req: HttpRequest,
    state: State,
    session: web::Path<SessionId>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, AppError> {
    let who = require_token(&req, &state).await?;
    let nomination = nomination_body(&req, body.into_inner())?;
    let (reference, keys, notifier) = (state.reference(), state.keys.clone(), state.composer.clone());
    let session_id = session.into_inner();
    let out = blocking(&state.pool, move |conn| {
        let by = Nominator { access: &who.access, name: &label(&who), at: crate::db::now() };
        let done = nominations::nominate(conn, &keys, &reference, session_id, nomination, &by, &notifier)?;
        Ok::<_, AppError>(RegistrationOut::new(&done.registration, None))
    })
    .await?;
    state.mail_queued();
    Ok(HttpResponse::Created().json(out))
}

/// A nomination's body read whole: every bad field named at once.
fn nomination_body(req: &HttpRequest, body: serde_json::Value) -> Result<NominationInput, AppError> {
    match NominationInput::parse(&object(body)?, crate::web::public::language(req)) {
        (Some(n), _) => Ok(n),
        (None, errors) => Err(AppError::Validation(errors)),
    }
}

/// Accept a nomination: `consent` (must be true), optionally `time_zone`,
/// and `answers` to the session's questions.
#[utoipa::path(post, path = "/api/v1/registrations/{token}/accept", tag = "nominations",
    params(("token" = String, Path, description = "the secret from the link in the nomination email")),
    request_body(content = Object, description = "`consent` (must be true), `time_zone` (optional IANA zone), `answers` (the session's questions, as for a registration; required ones must be answered)"),
    responses((status = 200, body = RegistrationOut, description = "confirmed, or pending_approval when the session needs the organisers' approval"),
              (status = 404, body = crate::web::api::docs::Problem),
              (status = 409, body = crate::web::api::docs::Problem, description = "not a pending nomination"),
              (status = 422, body = crate::web::api::docs::Problem)))]
pub async fn accept_nomination(
    state: State,
    token: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, AppError> {
    let fields = object(body.into_inner())?;
    let (zone, errors) = accept_fields(&fields);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let acceptance = nominations::Acceptance { zone, answers: fields.get("answers").cloned() };
    let token = token.into_inner();
    let notifier = state.composer.clone();
    let out = blocking(&state.pool, move |conn| {
        let r = store::find_by_manage_token(conn, &token)?.ok_or(AppError::NotFound)?;
        let done = nominations::accept(conn, r.id, acceptance, crate::db::now(), &notifier)?;
        let position = store::waitlist_position(conn, &done.registration)?;
        Ok::<_, AppError>(RegistrationOut::new(&done.registration, position))
    })
    .await?;
    state.mail_queued();
    Ok(HttpResponse::Ok().json(out))
}

/// Consent and an optional zone, as an acceptance gives them.
pub fn accept_fields(
    fields: &serde_json::Map<String, serde_json::Value>,
) -> (Option<crate::domain::zone::TimeZone>, crate::domain::fields::FieldErrors) {
    let mut r = crate::domain::fields::FieldReader::new(fields, &["consent", "time_zone", "answers"]);
    if !r.bool("consent", false) {
        r.errors().add("consent", crate::domain::message::Message::id("err-consent"));
    }
    let zone = match r.raw_str("time_zone", false).map(str::trim).filter(|z| !z.is_empty()) {
        Some(z) => match crate::domain::zone::TimeZone::parse(z) {
            Ok(z) => Some(z),
            Err(e) => {
                r.errors().add("time_zone", e);
                None
            }
        },
        None => None,
    };
    (zone, r.into_errors())
}

/// Decline a nomination: the place goes back (to the next in line).
#[utoipa::path(post, path = "/api/v1/registrations/{token}/decline", tag = "nominations",
    params(("token" = String, Path, description = "the secret from the link in the nomination email")),
    responses((status = 200, body = RegistrationOut), (status = 404, body = crate::web::api::docs::Problem),
              (status = 409, body = crate::web::api::docs::Problem, description = "not a pending nomination")))]
pub async fn decline_nomination(state: State, token: web::Path<String>) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let notifier = state.composer.clone();
    let out = blocking(&state.pool, move |conn| {
        let r = store::find_by_manage_token(conn, &token)?.ok_or(AppError::NotFound)?;
        let done = nominations::decline(conn, r.id, &notifier)?;
        Ok::<_, AppError>(RegistrationOut::new(&done.registration, None))
    })
    .await?;
    state.mail_queued();
    Ok(HttpResponse::Ok().json(out))
}

/// Endorse a registration awaiting endorsement (a focal point's token for
/// its countries, an organiser's in scope, or a token of no account); it
/// then goes on as any registration: approval, a seat, or the waiting list.
#[utoipa::path(post, path = "/api/v1/registrations/{id}/endorse", tag = "nominations",
    params(("id" = i32, Path, description = "registration id")),
    responses((status = 200, body = RegistrationOut), (status = 401, body = crate::web::api::docs::Problem),
              (status = 403, body = crate::web::api::docs::Problem, description = "another country's registrant"),
              (status = 404, body = crate::web::api::docs::Problem),
              (status = 409, body = crate::web::api::docs::Problem, description = "not awaiting endorsement, or no place")),
    security(("bearer" = [])))]
pub async fn endorse_registration(
    req: HttpRequest,
    state: State,
    registration: web::Path<crate::db::ids::RegistrationId>,
) -> Result<HttpResponse, AppError> {
    decide(req, state, registration.into_inner(), nominations::endorse).await
}

/// Decline to endorse: the registration is rejected and the person told.
#[utoipa::path(post, path = "/api/v1/registrations/{id}/decline-endorsement", tag = "nominations",
    params(("id" = i32, Path, description = "registration id")),
    responses((status = 200, body = RegistrationOut), (status = 401, body = crate::web::api::docs::Problem),
              (status = 403, body = crate::web::api::docs::Problem), (status = 404, body = crate::web::api::docs::Problem),
              (status = 409, body = crate::web::api::docs::Problem, description = "not awaiting endorsement")),
    security(("bearer" = [])))]
pub async fn decline_endorsement(
    req: HttpRequest,
    state: State,
    registration: web::Path<crate::db::ids::RegistrationId>,
) -> Result<HttpResponse, AppError> {
    decide(req, state, registration.into_inner(), nominations::decline_endorsement).await
}

/// Withdraw a nomination that still stands (the nominee's focal point, an
/// organiser in scope, or a token of no account): the nominee is told, and
/// a place it held goes to the next in line.
#[utoipa::path(post, path = "/api/v1/registrations/{id}/withdraw", tag = "nominations",
    params(("id" = i32, Path, description = "registration id")),
    responses((status = 200, body = RegistrationOut, description = "status `cancelled`"),
              (status = 401, body = crate::web::api::docs::Problem),
              (status = 403, body = crate::web::api::docs::Problem, description = "another country's nominee"),
              (status = 404, body = crate::web::api::docs::Problem),
              (status = 409, body = crate::web::api::docs::Problem, description = "not a nomination, or one that ended")),
    security(("bearer" = [])))]
pub async fn withdraw_nomination(
    req: HttpRequest,
    state: State,
    registration: web::Path<crate::db::ids::RegistrationId>,
) -> Result<HttpResponse, AppError> {
    decide(req, state, registration.into_inner(), nominations::withdraw).await
}

/// Give a nominee's place to someone else of the same country: one
/// transaction ends the old nomination (its holder told) and nominates the
/// new person into the same place.
#[utoipa::path(post, path = "/api/v1/registrations/{id}/replace", tag = "nominations",
    params(("id" = i32, Path, description = "the registration of the nominee being replaced")),
    request_body(content = Object, description = "the new nominee, as for a nomination; `country` must be the replaced nominee's"),
    responses((status = 201, body = RegistrationOut, description = "the new nominee, status `nominated`"),
              (status = 401, body = crate::web::api::docs::Problem),
              (status = 403, body = crate::web::api::docs::Problem, description = "another country's nominee, or nominations closed"),
              (status = 404, body = crate::web::api::docs::Problem),
              (status = 409, body = crate::web::api::docs::Problem, description = "the nomination holds no place, or the new person is already registered"),
              (status = 422, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn replace_nominee(
    req: HttpRequest,
    state: State,
    registration: web::Path<crate::db::ids::RegistrationId>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, AppError> {
    let who = require_token(&req, &state).await?;
    let nomination = nomination_body(&req, body.into_inner())?;
    let (reference, keys, notifier) = (state.reference(), state.keys.clone(), state.composer.clone());
    let id = registration.into_inner();
    let out = blocking(&state.pool, move |conn| {
        let by = Nominator { access: &who.access, name: &label(&who), at: crate::db::now() };
        let done = nominations::replace(conn, &keys, &reference, id, nomination, &by, &notifier)?;
        Ok::<_, AppError>(RegistrationOut::new(&done.registration, None))
    })
    .await?;
    state.mail_queued();
    Ok(HttpResponse::Created().json(out))
}

type Decision = fn(
    &mut crate::db::DbConn,
    crate::db::ids::RegistrationId,
    &Nominator,
    &dyn crate::db::notify::Notifier,
) -> Result<crate::registrations::Outcome, crate::registrations::RegistrationError>;

async fn decide(
    req: HttpRequest,
    state: State,
    id: crate::db::ids::RegistrationId,
    decision: Decision,
) -> Result<HttpResponse, AppError> {
    let who = require_token(&req, &state).await?;
    let notifier = state.composer.clone();
    let out = blocking(&state.pool, move |conn| {
        let by = Nominator { access: &who.access, name: &label(&who), at: crate::db::now() };
        let done = decision(conn, id, &by, &notifier)?;
        let position = store::waitlist_position(conn, &done.registration)?;
        Ok::<_, AppError>(RegistrationOut::new(&done.registration, position))
    })
    .await?;
    state.mail_queued();
    Ok(HttpResponse::Ok().json(out))
}
