//! `/api/v1/series`: create a recurring series, and read one back.

use super::require_token;
use super::sessions::SessionOut;
use crate::db::ids::SeriesId;
use crate::db::reference::Reference;
use crate::db::series as store;
use crate::domain::fields::FieldErrors;
use crate::domain::series::SeriesFields;
use crate::domain::session::{SessionFields, SessionInput};
use crate::error::AppError;
use crate::web::{State, blocking};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

/// A series with its occurrences, soonest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SeriesOut {
    #[schema(value_type = i32)]
    pub id: SeriesId,
    pub title: String,
    /// The zone whose wall time every occurrence keeps.
    pub time_zone: String,
    /// weekly, fortnightly or monthly (same weekday of the same week).
    pub repeat: String,
    /// The series' iCal feed.
    pub feed_url: String,
    pub sessions: Vec<SessionOut>,
    /// Occurrences that move for people in zones without daylight saving time.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

fn series_out(
    series: crate::db::models::SeriesRow,
    sessions: &[crate::db::sessions::Session],
    reference: &Reference,
    base: &str,
    private: bool,
) -> SeriesOut {
    SeriesOut {
        id: series.id,
        title: series.title,
        time_zone: series.time_zone,
        repeat: series.repeat,
        feed_url: crate::web::feeds::FeedPath::Series(series.id).url(base),
        sessions: sessions.iter().map(|s| SessionOut::new(s, reference, base, private)).collect(),
        warnings: Vec::new(),
        notes: Vec::new(),
    }
}

/// Create a series: the session fields of `POST /api/v1/sessions` for the
/// first occurrence, plus `repeat` and `count` or `until`. Every occurrence
/// keeps the first one's wall time in `time_zone`.
#[utoipa::path(post, path = "/api/v1/series", tag = "series",
    request_body(content = SeriesFields, description = "the fields of a session for the first occurrence, plus `repeat` (weekly, fortnightly, monthly), and `count` (2 to 52) or `until` (a date)"),
    responses((status = 201, body = SeriesOut), (status = 401, body = crate::web::api::docs::Problem),
              (status = 422, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn create_series(
    req: HttpRequest,
    state: State,
    body: web::Json<SeriesFields>,
) -> Result<HttpResponse, AppError> {
    let actor = super::acting(&require_token(&req, &state).await?);
    let (how, input) = match (body.repeat.parse(), SessionInput::try_from(&body.session)) {
        (Ok(h), Ok(i)) => (h, i),
        (h, i) => {
            let mut errors = FieldErrors::default();
            for e in [h.err(), i.err()].into_iter().flatten() {
                errors.merge(e);
            }
            return Err(AppError::Validation(errors));
        }
    };
    let base = state.base_url.clone();
    let reference = state.reference();
    let out = blocking(&state.pool, move |conn| {
        let created = crate::sessions::series::create(conn, &reference, &input, &how, &actor)?;
        let mut notes = input.notes.clone();
        notes.extend(created.notes);
        Ok::<_, AppError>(SeriesOut {
            warnings: created.warnings.iter().map(|w| w.in_lang(crate::domain::lang::Lang::En)).collect(),
            notes,
            ..series_out(created.series, &created.sessions, &reference, &base, true)
        })
    })
    .await?;
    Ok(HttpResponse::Created().insert_header(("Location", format!("/api/v1/series/{}", out.id))).json(out))
}

/// One series with its sessions (drafts only with a token).
#[utoipa::path(get, path = "/api/v1/series/{id}", tag = "series",
    params(("id" = i32, Path, description = "series id")),
    responses((status = 200, body = SeriesOut), (status = 401, body = crate::web::api::docs::Problem, description = "a token was presented but is not valid"),
              (status = 404, body = crate::web::api::docs::Problem)))]
pub async fn get_series(req: HttpRequest, state: State, id: web::Path<SeriesId>) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let authorised = super::sees_everything(&req, &state).await?;
    let base = state.base_url.clone();
    let reference = state.reference();
    let out = blocking(&state.pool, move |conn| {
        let (series, sessions) = store::find(conn, id, authorised)?.ok_or(AppError::NotFound)?;
        // A series whose every occurrence is a draft does not exist for the public.
        if sessions.is_empty() && !authorised {
            return Err(AppError::NotFound);
        }
        Ok::<_, AppError>(series_out(series, &sessions, &reference, &base, authorised))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Change every occurrence that has not started yet (not the times: change
/// those on each session). All occurrences change, or none.
#[utoipa::path(patch, path = "/api/v1/series/{id}", tag = "series",
    params(("id" = i32, Path, description = "series id")),
    request_body = SessionFields,
    responses((status = 200, body = SeriesOut), (status = 401, body = crate::web::api::docs::Problem),
              (status = 404, body = crate::web::api::docs::Problem), (status = 422, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn patch_series(
    req: HttpRequest,
    state: State,
    id: web::Path<SeriesId>,
    body: web::Json<SessionFields>,
) -> Result<HttpResponse, AppError> {
    let actor = super::acting(&require_token(&req, &state).await?);
    let id = id.into_inner();
    let patch = body.into_inner();
    let base = state.base_url.clone();
    let notifier = state.composer.clone();
    let reference = state.reference();
    let out = blocking(&state.pool, move |conn| {
        crate::sessions::series::update_future(conn, &reference, id, &patch, &notifier, &actor)?;
        let (series, sessions) = store::find(conn, id, true)?.ok_or(AppError::NotFound)?;
        Ok::<_, AppError>(series_out(series, &sessions, &reference, &base, true))
    })
    .await?;
    state.mail_queued();
    Ok(HttpResponse::Ok().json(out))
}

/// An occurrence that refused a series registration, and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct Skipped {
    #[schema(value_type = i32)]
    pub session_id: crate::db::ids::SessionId,
    pub detail: String,
}

/// What registering for a series made.
#[derive(Debug, Serialize, ToSchema)]
pub struct SeriesRegistrationsOut {
    /// One per occurrence still to come that took the registration, soonest first.
    pub registrations: Vec<super::registrations::RegistrationCreated>,
    /// Occurrences that did not (full without a waiting list, already registered).
    pub skipped: Vec<Skipped>,
}

/// Register once for every occurrence of a series still to come (no token
/// needed): the body of a session's registration; each occurrence keeps
/// its own capacity, waiting list and manage link. All are made in one
/// transaction, and one email lists every date taken, with one calendar
/// invite: the series as a recurring event (RRULE in the series' zone with
/// its VTIMEZONE, EXDATE for dates not held), whose later updates and
/// cancellations name the instance they change (RECURRENCE-ID).
#[utoipa::path(post, path = "/api/v1/series/{id}/registrations", tag = "series",
    params(("id" = i32, Path, description = "series id")),
    request_body(content = Object, description = "as `POST /api/v1/sessions/{id}/registrations`"),
    responses((status = 201, body = SeriesRegistrationsOut),
              (status = 403, body = crate::web::api::docs::Problem, description = "country not eligible, or no occurrence takes registrations"),
              (status = 404, body = crate::web::api::docs::Problem),
              (status = 409, body = crate::web::api::docs::Problem, description = "no occurrence could take it (full, or already registered for each)"),
              (status = 422, body = crate::web::api::docs::Problem), (status = 429, body = crate::web::api::docs::Problem)))]
pub async fn register_series(
    req: HttpRequest,
    state: State,
    series: web::Path<SeriesId>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, AppError> {
    crate::web::rate_limit(&req, &state)?;
    let fields = super::object(body.into_inner())?;
    let lang = crate::web::public::language(&req);
    let parsed = crate::domain::registration::RegistrationInput::parse(&fields, lang);
    let (reference, keys, notifier) = (state.reference(), state.keys.clone(), state.composer.clone());
    let id = series.into_inner();
    let done = blocking(&state.pool, move |conn| {
        crate::registrations::series::register_series(conn, &keys, &reference, id, parsed, crate::db::now(), &notifier)
            .map_err(AppError::from)
    })
    .await?;
    state.mail_queued();
    let out = SeriesRegistrationsOut {
        registrations: done.registered.iter().map(|r| super::registrations::created(r, &state.base_url)).collect(),
        skipped: done
            .skipped
            .iter()
            .map(|(session_id, e)| Skipped { session_id: *session_id, detail: said(e, lang) })
            .collect(),
    };
    Ok(HttpResponse::Created().json(out))
}

/// Why an occurrence refused, in the request's language.
fn said(e: &crate::registrations::RegistrationError, lang: crate::domain::lang::Lang) -> String {
    use crate::registrations::RegistrationError as E;
    match e {
        E::Conflict(m) | E::Refused(m) => m.in_lang(lang),
        other => other.to_string(),
    }
}
