//! Registrations through the API: a participant's own (public) and the
//! organiser's view and decisions (token).

use super::{object, require_token};
use crate::db::ids::{RegistrationId, SessionId};
use crate::db::models::Registration;
use crate::db::registrations as store;
use crate::domain::registration::RegistrationInput;
use crate::error::AppError;
use crate::registrations::Registered;
use crate::web::{State, blocking, rate_limit};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::SecondsFormat;
use serde::Serialize;
use utoipa::ToSchema;

/// A registration as its participant sees it right after registering.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationCreated {
    #[schema(value_type = i32)]
    pub id: RegistrationId,
    #[schema(value_type = i32)]
    pub session_id: SessionId,
    /// confirmed, waitlisted, pending_approval, or nominated
    #[schema(example = "confirmed")]
    pub status: String,
    /// 1 for the first in the queue, when waitlisted.
    pub waitlist_position: Option<i64>,
    pub name: String,
    pub email: String,
    pub country: String,
    pub time_zone: String,
    /// `en`, `fr`, `ar` or `ru`: the language of their emails and invites.
    pub language: String,
    /// Secret link to this registration only: see it, cancel it, get its invite and its data, erase it.
    /// Shown only now (and in emails). Nothing that spans the email address (other registrations,
    /// a copy of all data, its erasure) is reachable from it: that opens only through a link emailed
    /// to the address.
    pub manage_url: String,
    /// Secret iCal feed of this registration's session only.
    pub feed_url: String,
}

/// A registration as an organiser sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationOut {
    #[schema(value_type = i32)]
    pub id: RegistrationId,
    #[schema(value_type = i32)]
    pub session_id: SessionId,
    pub status: String,
    pub waitlist_position: Option<i64>,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub position: String,
    pub country: String,
    pub time_zone: String,
    /// `en`, `fr`, `ar` or `ru`: the language of their emails and invites.
    pub language: String,
    #[schema(value_type = Object)]
    pub answers: serde_json::Value,
    /// participant, trainer, observer or speaker
    #[schema(example = "participant")]
    pub role: String,
    /// The nominating focal point's note for the organisers.
    pub note: String,
    /// Who nominated them (an account's token or email); empty for self-registrations.
    pub nominated_by: String,
    /// Whether they came, once recorded (null: not taken).
    pub attended: Option<bool>,
    /// Minutes present, when known.
    pub minutes_present: Option<i32>,
    /// How they take part in a hybrid session: in_person or online.
    #[schema(example = "online")]
    pub attendance: String,
    /// The interpretation they asked for (a language tag), or empty.
    pub interpretation: String,
    /// They hold an online place while waiting for a seat in the room.
    pub waiting_for_room: bool,
    pub created_at: String,
    pub updated_at: String,
}

impl RegistrationOut {
    pub fn new(r: &Registration, waitlist_position: Option<i64>) -> Self {
        Self {
            id: r.id,
            session_id: r.session_id,
            status: r.status.as_str().into(),
            waitlist_position,
            name: r.name.clone(),
            email: r.email.clone(),
            organisation: r.organisation.clone(),
            position: r.position.clone(),
            country: r.country_iso2.clone(),
            time_zone: r.time_zone.clone(),
            language: r.language.tag().into(),
            answers: serde_json::from_str(&r.answers).unwrap_or_default(),
            role: r.role.as_str().into(),
            note: r.note.clone(),
            nominated_by: r.nominated_by.clone(),
            attended: r.attendance.0.map(|a| a == crate::domain::registration::Attendance::Attended),
            minutes_present: r.attended_minutes,
            attendance: r.attendance_mode.as_str().into(),
            interpretation: r.interpretation.clone(),
            waiting_for_room: r.wants_room,
            created_at: r.created_at.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true),
            updated_at: r.updated_at.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true),
        }
    }
}

pub fn created(r: &Registered, base_url: &str) -> RegistrationCreated {
    let g = &r.registration;
    RegistrationCreated {
        id: g.id,
        session_id: g.session_id,
        status: g.status.as_str().into(),
        waitlist_position: r.waitlist_position,
        name: g.name.clone(),
        email: g.email.clone(),
        country: g.country_iso2.clone(),
        time_zone: g.time_zone.clone(),
        language: g.language.tag().into(),
        manage_url: format!("{base_url}/registrations/{}", r.manage_token),
        feed_url: crate::web::feeds::FeedPath::Personal(&r.feed_token).url(base_url),
    }
}

/// Register for a session (no token needed).
#[utoipa::path(post, path = "/api/v1/sessions/{id}/registrations", tag = "registrations",
    params(("id" = i32, Path, description = "session id")),
    request_body(content = Object, description = "`name`, `email`, `organisation`, `position` (optional), `country` (ISO alpha-2), `consent` (must be true), `time_zone` (optional IANA zone; default: the country's first), `answers` (question key → text, list of choices, or true/false), `language` (optional, `en`, `fr`, `ar` or `ru`: the language of their emails and invites; default: from `Accept-Language`), `attendance` (hybrid sessions: `in_person` or `online`, default online), `interpretation` (optional: one of the session's `interpretation` tags), `online_meanwhile` (true: if the room is full, an online place now and the room when a seat frees), `gender` (optional, only where the network asks: `female`, `male`, `another` or `prefer-not-to-say`; self-declared, never shown per person, counted only in reports)"),
    responses((status = 201, body = RegistrationCreated), (status = 403, body = crate::web::api::docs::Problem, description = "country not eligible, or registration closed"),
              (status = 404, body = crate::web::api::docs::Problem), (status = 409, body = crate::web::api::docs::Problem, description = "already registered, or full without a waiting list"),
              (status = 422, body = crate::web::api::docs::Problem), (status = 429, body = crate::web::api::docs::Problem)))]
pub async fn create_registration(
    req: HttpRequest,
    state: State,
    session: web::Path<SessionId>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, AppError> {
    let session_id = session.into_inner();
    rate_limit(&req, &state)?;
    let fields = object(body.into_inner())?;
    let parsed = RegistrationInput::parse(&fields, crate::web::public::language(&req));
    let reference = state.reference();
    let keys = state.keys.clone();
    let notifier = state.composer.clone();
    let registered = blocking(&state.pool, move |conn| {
        crate::registrations::register(conn, &keys, &reference, session_id, parsed, crate::db::now(), &notifier)
            .map_err(AppError::from)
    })
    .await?;
    state.mail_queued();
    let out = created(&registered, &state.base_url);
    Ok(HttpResponse::Created().insert_header(("Location", out.manage_url.clone())).json(out))
}

/// Every registration of a session, in arrival order.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/registrations", tag = "registrations",
    params(("id" = i32, Path, description = "session id")),
    responses((status = 200, body = Vec<RegistrationOut>), (status = 401, body = crate::web::api::docs::Problem), (status = 404, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn list_registrations(
    req: HttpRequest,
    state: State,
    session: web::Path<SessionId>,
) -> Result<HttpResponse, AppError> {
    let who = require_token(&req, &state).await?;
    let session_id = session.into_inner();
    let reference = state.reference();
    let out = blocking(&state.pool, move |conn| {
        let session = crate::db::sessions::find(conn, session_id)?.ok_or(AppError::NotFound)?;
        if !super::sees_registrants(&who, &session, &reference) {
            return Err(super::outside_scope());
        }
        let rows = store::for_session(conn, session_id)?;
        let mut position = 0;
        Ok::<_, AppError>(
            rows.iter()
                .map(|r| {
                    // Places in the line count everyone, whoever may see them.
                    let p = (r.status() == crate::domain::registration::RegistrationStatus::Waitlisted).then(|| {
                        position += 1;
                        position
                    });
                    (r, p)
                })
                .filter(|(r, _)| who.access.sees_registrant_from(&r.country_iso2))
                .map(|(r, p)| RegistrationOut::new(r, p))
                .collect::<Vec<_>>(),
        )
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// A participant cancels with the secret from their manage link.
#[utoipa::path(post, path = "/api/v1/registrations/{token}/cancel", tag = "registrations",
    params(("token" = String, Path, description = "the secret from the manage link")),
    responses((status = 200, body = RegistrationOut), (status = 404, body = crate::web::api::docs::Problem)))]
pub async fn cancel_registration(state: State, token: web::Path<String>) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let notifier = state.composer.clone();
    let out = blocking(&state.pool, move |conn| {
        let r = store::find_by_manage_token(conn, &token)?.ok_or(AppError::NotFound)?;
        let done = crate::registrations::cancel(conn, r.id, &notifier)?;
        Ok::<_, AppError>(RegistrationOut::new(&done.registration, None))
    })
    .await?;
    state.mail_queued();
    Ok(HttpResponse::Ok().json(out))
}

/// Approve a pending registration: a seat if one is free, else the waiting list.
#[utoipa::path(post, path = "/api/v1/registrations/{id}/approve", tag = "registrations",
    params(("id" = i32, Path, description = "registration id")),
    responses((status = 200, body = RegistrationOut), (status = 401, body = crate::web::api::docs::Problem),
              (status = 404, body = crate::web::api::docs::Problem), (status = 409, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn approve_registration(
    req: HttpRequest,
    state: State,
    registration: web::Path<RegistrationId>,
) -> Result<HttpResponse, AppError> {
    decide(req, state, registration, crate::registrations::approve).await
}

/// Reject a registration; a freed seat goes to the next in line.
#[utoipa::path(post, path = "/api/v1/registrations/{id}/reject", tag = "registrations",
    params(("id" = i32, Path, description = "registration id")),
    responses((status = 200, body = RegistrationOut), (status = 401, body = crate::web::api::docs::Problem),
              (status = 404, body = crate::web::api::docs::Problem), (status = 409, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn reject_registration(
    req: HttpRequest,
    state: State,
    registration: web::Path<RegistrationId>,
) -> Result<HttpResponse, AppError> {
    decide(req, state, registration, crate::registrations::reject).await
}

/// Record whether a confirmed registrant attended (`attended`: true or
/// false) and, optionally, the `minutes` they were present.
#[utoipa::path(post, path = "/api/v1/registrations/{id}/attendance", tag = "registrations",
    params(("id" = i32, Path, description = "registration id")),
    request_body(content = Object, description = "`attended` (true or false, required), `minutes` (optional whole number of minutes present, 0–100000; kept only when attended)"),
    responses((status = 200, body = RegistrationOut, description = "with `attended` and `minutes_present`"),
              (status = 401, body = crate::web::api::docs::Problem),
              (status = 403, body = crate::web::api::docs::Problem, description = "a session outside the token's scope, or a focal point's token"),
              (status = 404, body = crate::web::api::docs::Problem),
              (status = 409, body = crate::web::api::docs::Problem, description = "not a confirmed registration"),
              (status = 422, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn record_attendance(
    req: HttpRequest,
    state: State,
    registration: web::Path<RegistrationId>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, AppError> {
    let who = require_token(&req, &state).await?;
    let fields = super::object(body.into_inner())?;
    let mut read = crate::domain::fields::FieldReader::new(&fields, &["attended", "minutes"]);
    let attended = match fields.get("attended") {
        Some(serde_json::Value::Bool(b)) => Some(*b),
        Some(_) => None,
        None => {
            read.errors().add("attended", crate::domain::message::Message::id("err-required"));
            None
        }
    };
    if attended.is_none() && fields.contains_key("attended") {
        read.errors().add("attended", "must be true or false");
    }
    let minutes = read.opt_int("minutes", 0..=100_000);
    let errors = read.into_errors();
    let (Some(attended), true) = (attended, errors.is_empty()) else { return Err(AppError::Validation(errors)) };
    let mark = if attended {
        crate::domain::registration::Attendance::Attended
    } else {
        crate::domain::registration::Attendance::NoShow
    };
    let (id, actor) = (registration.into_inner(), super::label(&who));
    let out = blocking(&state.pool, move |conn| {
        let r = crate::registrations::record_attendance(conn, id, mark, minutes, &who.access, &actor)?;
        Ok::<_, AppError>(RegistrationOut::new(&r, None))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// An organiser's decision on one registration (approve or reject).
async fn decide(
    req: HttpRequest,
    state: State,
    registration: web::Path<RegistrationId>,
    decision: fn(
        &mut crate::db::DbConn,
        RegistrationId,
        &dyn crate::db::notify::Notifier,
        &str,
    ) -> Result<crate::registrations::Outcome, crate::registrations::RegistrationError>,
) -> Result<HttpResponse, AppError> {
    let who = require_token(&req, &state).await?;
    let actor = super::label(&who);
    let registration_id = registration.into_inner();
    let notifier = state.composer.clone();
    let out = blocking(&state.pool, move |conn| {
        let session = match store::session_of(conn, registration_id)? {
            Some(id) => crate::db::sessions::find(conn, id)?,
            None => None,
        };
        let session = session.ok_or(AppError::NotFound)?;
        if !who.access.may_change(session.row.organising_region_id) {
            return Err(super::outside_scope());
        }
        let done = decision(conn, registration_id, &notifier, &actor)?;
        let position = store::waitlist_position(conn, &done.registration)?;
        Ok::<_, AppError>(RegistrationOut::new(&done.registration, position))
    })
    .await?;
    state.mail_queued();
    Ok(HttpResponse::Ok().json(out))
}
