//! `/api/v1/sessions`: create, list, get, patch, cancel.

use super::require_token;
use crate::db::ids::{SeriesId, SessionId};
use crate::db::reference::Reference;
use crate::db::sessions::{self as store, Session, SessionFilter};
use crate::domain::fields::FieldErrors;
use crate::domain::session::{SessionFields, SessionFormat, SessionInput, SessionStatus};
use crate::error::AppError;
use crate::web::{State, blocking};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{NaiveDate, NaiveDateTime, SecondsFormat};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// A session as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionOut {
    #[schema(value_type = i32)]
    pub id: SessionId,
    /// The public page.
    pub url: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    #[schema(example = "webinar")]
    pub kind: String,
    #[schema(example = "online")]
    pub format: String,
    /// IANA zone the session was planned in.
    #[schema(example = "Asia/Manila")]
    pub time_zone: String,
    /// Local wall time in `time_zone`.
    #[schema(example = "2027-03-09T16:00")]
    pub starts_at: String,
    #[schema(example = "2027-03-09T17:30")]
    pub ends_at: String,
    #[schema(example = "2027-03-09T08:00:00Z")]
    pub starts_at_utc: String,
    #[schema(example = "2027-03-09T09:30:00Z")]
    pub ends_at_utc: String,
    /// UTC offset in `time_zone` at the start, e.g. `+08:00`.
    pub utc_offset: String,
    pub capacity: Option<i32>,
    pub waitlist: bool,
    /// Null when capacity is unlimited.
    pub seats_left: Option<i32>,
    /// open, nomination or endorsement
    #[schema(example = "open")]
    pub participation: String,
    /// When nominations close (UTC); null: when the registration window does.
    pub nominations_close_at: Option<String>,
    /// Whether open places go to anyone once nominations close.
    pub quota_release: bool,
    /// Places per country; null: no quota.
    pub country_quota: Option<i32>,
    /// Places for named countries (ISO alpha-2), over `country_quota`.
    pub quotas: std::collections::BTreeMap<String, i32>,
    /// Slug of the region that organises it (its organisers may edit it).
    pub organising_region: Option<String>,
    /// The series it is an occurrence of, if any.
    #[schema(value_type = Option<i32>)]
    pub series_id: Option<SeriesId>,
    pub regions: Vec<String>,
    pub countries: Vec<String>,
    pub topics: Vec<String>,
    pub language: String,
    pub requires_approval: bool,
    pub registration_opens_at: Option<String>,
    pub registration_closes_at: Option<String>,
    pub location: String,
    /// A hybrid session's seats in the room (null: unlimited or not hybrid); `capacity` is then the online places.
    pub in_person_capacity: Option<i32>,
    /// Seats left in the room of a hybrid session with a room capacity.
    pub in_person_seats_left: Option<i32>,
    pub venue_name: String,
    pub venue_address: String,
    pub venue_city: String,
    /// Languages interpreted into, besides the session's.
    pub interpretation: Vec<String>,
    /// Only with a valid API token: the link is for confirmed participants.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
    #[schema(example = "published")]
    pub status: String,
    /// Rises with every change of time, place or status (iCalendar SEQUENCE).
    pub sequence: i32,
    pub demo: bool,
    /// Extra questions asked at registration.
    #[schema(value_type = Vec<Object>)]
    pub questions: Vec<crate::domain::questions::Question>,
    pub created_at: String,
    pub updated_at: String,
    /// On writes: what the server decided for you, e.g. a fall-back time resolved to the earlier instant.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

fn utc(t: NaiveDateTime) -> String {
    t.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl SessionOut {
    pub fn new(s: &Session, reference: &Reference, base_url: &str, with_private: bool) -> Self {
        let zone = s.zone();
        let start = zone.at(s.starts_at());
        let local = |t: NaiveDateTime| zone.at(t.and_utc()).local.format("%Y-%m-%dT%H:%M").to_string();
        let region_slugs =
            s.region_ids.iter().filter_map(|id| reference.region_by_id(*id)).map(|r| r.slug.clone()).collect();
        let topic_slugs =
            s.topic_ids.iter().filter_map(|id| reference.topic_by_id(*id)).map(|t| t.slug.clone()).collect();
        let r = &s.row;
        Self {
            id: r.id,
            url: format!("{base_url}/sessions/{}", r.id),
            title: r.title.clone(),
            summary: r.summary.clone(),
            description: r.description.clone(),
            kind: r.kind.as_str().into(),
            format: r.format.as_str().into(),
            time_zone: r.time_zone.clone(),
            starts_at: local(r.starts_at),
            ends_at: local(r.ends_at),
            starts_at_utc: utc(r.starts_at),
            ends_at_utc: utc(r.ends_at),
            utc_offset: start.offset_label().trim_start_matches("UTC").replace('−', "-"),
            capacity: r.capacity,
            waitlist: r.waitlist,
            seats_left: s.seats_left(),
            participation: r.participation.as_str().into(),
            nominations_close_at: r.nominations_close_at.map(utc),
            quota_release: r.quota_release,
            country_quota: r.country_quota,
            quotas: s.quotas.clone(),
            series_id: r.series_id,
            organising_region: r.organising_region_id.and_then(|id| reference.region_by_id(id)).map(|g| g.slug.clone()),
            regions: region_slugs,
            countries: s.countries.clone(),
            topics: topic_slugs,
            language: r.language.clone(),
            requires_approval: r.requires_approval,
            registration_opens_at: r.registration_opens_at.map(utc),
            registration_closes_at: r.registration_closes_at.map(utc),
            location: r.location.clone(),
            in_person_capacity: s.room().0,
            in_person_seats_left: (s.format() == crate::domain::session::SessionFormat::Hybrid)
                .then(|| s.room())
                .and_then(|(seats, taken)| seats.map(|c| (c - taken).max(0))),
            venue_name: s.venue().name,
            venue_address: s.venue().address,
            venue_city: s.venue().city,
            interpretation: s.interpretation(),
            join_url: with_private.then(|| r.join_url.clone()),
            status: r.status.as_str().into(),
            sequence: r.sequence,
            demo: r.is_demo,
            questions: s.questions(),
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
            notes: Vec::new(),
        }
    }
}

/// Create a session.
#[utoipa::path(post, path = "/api/v1/sessions", tag = "sessions",
    request_body = SessionFields,
    responses((status = 201, body = SessionOut), (status = 400, body = crate::web::api::docs::Problem),
              (status = 401, body = crate::web::api::docs::Problem), (status = 413, body = crate::web::api::docs::Problem),
              (status = 422, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn create_session(
    req: HttpRequest,
    state: State,
    body: web::Json<SessionFields>,
) -> Result<HttpResponse, AppError> {
    let actor = super::acting(&require_token(&req, &state).await?);
    let input = SessionInput::try_from(&*body).map_err(AppError::Validation)?;
    let base = state.base_url.clone();
    let reference = state.reference();
    let out = blocking(&state.pool, move |conn| {
        let session = crate::sessions::create(conn, &reference, &input, false, &actor)?;
        let mut out = SessionOut::new(&session, &reference, &base, true);
        out.notes = input.notes;
        Ok::<_, AppError>(out)
    })
    .await?;
    Ok(HttpResponse::Created().insert_header(("Location", out.url.clone())).json(out))
}

/// Sessions, soonest first. Without a token only published and cancelled
/// sessions can be listed.
#[utoipa::path(get, path = "/api/v1/sessions", tag = "sessions",
    params(("region" = Option<String>, Query, description = "region slug: sessions open to that region"),
           ("country" = Option<String>, Query, description = "ISO alpha-2: sessions open to that country"),
           ("topic" = Option<String>, Query, description = "topic slug"),
           ("format" = Option<String>, Query, description = "online, in_person or hybrid"),
           ("from" = Option<String>, Query, description = "date or RFC 3339 instant: sessions ending on or after it (default: now)"),
           ("to" = Option<String>, Query, description = "date or RFC 3339 instant: sessions starting before it"),
           ("status" = Option<String>, Query, description = "published (default), cancelled, draft (token), or all (token)"),
           ("limit" = Option<i64>, Query, minimum = 1, maximum = 500, description = "1 to 500, default 100"),
           ("offset" = Option<i64>, Query, minimum = 0, maximum = 1000000, description = "default 0")),
    responses((status = 200, body = Vec<SessionOut>), (status = 401, body = crate::web::api::docs::Problem, description = "a token was presented but is not valid"),
              (status = 422, body = crate::web::api::docs::Problem)))]
pub async fn list_sessions(
    req: HttpRequest,
    state: State,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let who = super::token(&req, &state).await?;
    let authorised = who.as_ref().is_some_and(|t| !t.access.is_focal_point());
    // Each filter once: `?limit=1&limit=500` is a mistake, not a choice.
    let mut seen = HashMap::new();
    let mut repeated = FieldErrors::default();
    for (k, v) in query.into_inner() {
        if seen.insert(k.clone(), v).is_some() {
            repeated.add(&k, "is given more than once");
        }
    }
    if !repeated.is_empty() {
        return Err(AppError::Validation(repeated));
    }
    let query = seen;
    let base = state.base_url.clone();
    let reference = state.reference();
    let list = blocking(&state.pool, move |conn| {
        let filter = parse_filter(&query, &reference, authorised)?;
        let sessions = store::list(conn, &filter)?;
        // A focal point's list: the sessions open to its countries.
        let seen = sessions.iter().filter(|s| who.as_ref().is_none_or(|t| super::sees_session(t, s, &reference)));
        Ok::<_, AppError>(seen.map(|s| SessionOut::new(s, &reference, &base, authorised)).collect::<Vec<_>>())
    })
    .await?;
    Ok(HttpResponse::Ok().json(list))
}

pub fn parse_filter(
    query: &HashMap<String, String>,
    reference: &Reference,
    authorised: bool,
) -> Result<SessionFilter, AppError> {
    const KNOWN: &[&str] = &["region", "country", "topic", "format", "from", "to", "status", "limit", "offset"];
    let mut errors = FieldErrors::default();
    for k in query.keys().filter(|k| !KNOWN.contains(&k.as_str())) {
        errors.add(k, "is not a filter; use one of region, country, topic, format, from, to, status, limit, offset");
    }
    let get = |k: &str| query.get(k).map(|v| v.trim()).filter(|v| !v.is_empty());
    let mut filter = SessionFilter { limit: 100, ..SessionFilter::default() };
    if let Some(slug) = get("region") {
        match reference.region(slug) {
            Some(r) => filter.region_id = Some(r.id),
            None => errors.add("region", format!("unknown region {slug:?}")),
        }
    }
    if let Some(iso2) = get("country") {
        match reference.country(iso2) {
            Some(c) => filter.country = Some(c.iso2.clone()),
            None => errors.add("country", format!("unknown country {iso2:?}")),
        }
    }
    if let Some(slug) = get("topic") {
        match reference.topic(slug) {
            Some(t) => filter.topic_id = Some(t.id),
            None => errors.add("topic", format!("unknown topic {slug:?}")),
        }
    }
    if let Some(f) = get("format") {
        match SessionFormat::parse(f) {
            Some(f) => filter.format = Some(f),
            None => errors.add("format", format!("must be one of: {}", SessionFormat::choices())),
        }
    }
    filter.ends_after = match get("from") {
        Some(t) => instant_or_date(t).or_else(|| {
            errors.add("from", "must be a date (2027-03-01) or an RFC 3339 instant");
            None
        }),
        None => Some(crate::db::now()),
    };
    if let Some(t) = get("to") {
        filter.starts_before = instant_or_date(t).or_else(|| {
            errors.add("to", "must be a date (2027-03-01) or an RFC 3339 instant");
            None
        });
    }
    filter.statuses = match get("status").unwrap_or("published") {
        "all" if authorised => SessionStatus::ALL.to_vec(),
        s => match SessionStatus::parse(s) {
            Some(SessionStatus::Draft) if !authorised => {
                errors.add("status", "drafts are listed only with an API token");
                vec![]
            }
            Some(st) => vec![st],
            None => {
                errors.add("status", "must be published, cancelled, draft or all");
                vec![]
            }
        },
    };
    for (field, target, range) in [("limit", &mut filter.limit, 1..=500), ("offset", &mut filter.offset, 0..=1_000_000)]
    {
        if let Some(v) = get(field) {
            match v.parse::<i64>().ok().filter(|n| range.contains(n)) {
                Some(n) => *target = n,
                None => errors.add(field, format!("must be a whole number from {} to {}", range.start(), range.end())),
            }
        }
    }
    if errors.is_empty() { Ok(filter) } else { Err(AppError::Validation(errors)) }
}

fn instant_or_date(t: &str) -> Option<NaiveDateTime> {
    chrono::DateTime::parse_from_rfc3339(t)
        .map(|d| d.naive_utc())
        .ok()
        .or_else(|| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0)))
}

/// One session. Drafts only with a token.
#[utoipa::path(get, path = "/api/v1/sessions/{id}", tag = "sessions",
    params(("id" = i32, Path, description = "session id")),
    responses((status = 200, body = SessionOut), (status = 401, body = crate::web::api::docs::Problem, description = "a token was presented but is not valid"),
              (status = 404, body = crate::web::api::docs::Problem)))]
pub async fn get_session(req: HttpRequest, state: State, id: web::Path<SessionId>) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let who = super::token(&req, &state).await?;
    let authorised = who.as_ref().is_some_and(|t| !t.access.is_focal_point());
    let base = state.base_url.clone();
    let reference = state.reference();
    let out = blocking(&state.pool, move |conn| {
        let session = store::find(conn, id)?.ok_or(AppError::NotFound)?;
        if session.status() == SessionStatus::Draft && !authorised {
            return Err(AppError::NotFound);
        }
        if who.as_ref().is_some_and(|t| !super::sees_session(t, &session, &reference)) {
            return Err(AppError::Forbidden("This session is not open to your countries.".into()));
        }
        Ok(SessionOut::new(&session, &reference, &base, authorised))
    })
    .await?;
    Ok(HttpResponse::Ok().json(out))
}

/// Change any fields. Times are local wall times in the session's zone
/// (the new zone, if `time_zone` changes too); a zone change alone keeps
/// the wall times.
#[utoipa::path(patch, path = "/api/v1/sessions/{id}", tag = "sessions",
    params(("id" = i32, Path, description = "session id")),
    request_body = SessionFields,
    responses((status = 200, body = SessionOut), (status = 401, body = crate::web::api::docs::Problem),
              (status = 404, body = crate::web::api::docs::Problem), (status = 409, body = crate::web::api::docs::Problem),
              (status = 422, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn patch_session(
    req: HttpRequest,
    state: State,
    id: web::Path<SessionId>,
    body: web::Json<SessionFields>,
) -> Result<HttpResponse, AppError> {
    let actor = super::acting(&require_token(&req, &state).await?);
    let id = id.into_inner();
    let patch = body.into_inner();
    let base = state.base_url.clone();
    let notifier = state.composer.clone();
    let reference = state.reference();
    let out = blocking(&state.pool, move |conn| {
        let (session, notes) = crate::sessions::update(conn, &reference, id, &patch, &notifier, &actor)?;
        let mut out = SessionOut::new(&session, &reference, &base, true);
        out.notes = notes;
        Ok::<_, AppError>(out)
    })
    .await?;
    state.mail_queued();
    Ok(HttpResponse::Ok().json(out))
}

/// Cancel a session (its SEQUENCE rises and it stays listed as cancelled).
#[utoipa::path(post, path = "/api/v1/sessions/{id}/cancel", tag = "sessions",
    params(("id" = i32, Path, description = "session id")),
    responses((status = 200, body = SessionOut), (status = 401, body = crate::web::api::docs::Problem),
              (status = 404, body = crate::web::api::docs::Problem)),
    security(("bearer" = [])))]
pub async fn cancel_session(
    req: HttpRequest,
    state: State,
    id: web::Path<SessionId>,
) -> Result<HttpResponse, AppError> {
    let actor = super::acting(&require_token(&req, &state).await?);
    let id = id.into_inner();
    let base = state.base_url.clone();
    let notifier = state.composer.clone();
    let reference = state.reference();
    let out = blocking(&state.pool, move |conn| {
        let session = crate::sessions::cancel(conn, id, None, &notifier, &actor)?;
        Ok::<_, AppError>(SessionOut::new(&session, &reference, &base, true))
    })
    .await?;
    state.mail_queued();
    Ok(HttpResponse::Ok().json(out))
}
