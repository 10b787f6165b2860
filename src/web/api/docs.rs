//! The OpenAPI 3 document, generated from the handlers and types above.

use super::reference::{CountryOut, RegionOut, TopicOut};
use super::registrations::{RegistrationCreated, RegistrationOut};
use super::series::SeriesOut;
use super::sessions::SessionOut;
use actix_web::HttpResponse;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

/// The fields of a session write. On create, `title`, `time_zone`,
/// `starts_at` and `ends_at` are required; on PATCH every field is optional.
#[allow(dead_code)]
#[derive(ToSchema)]
pub struct SessionWrite {
    #[schema(min_length = 1, max_length = 200)]
    title: Option<String>,
    #[schema(max_length = 500)]
    summary: Option<String>,
    #[schema(max_length = 20000)]
    description: Option<String>,
    #[schema(example = "webinar")]
    /// webinar (default), training, meeting, exercise
    kind: Option<String>,
    /// online (default), in_person, hybrid
    format: Option<String>,
    #[schema(example = "Asia/Manila")]
    time_zone: Option<String>,
    /// Local wall time in `time_zone`. A time in a spring-forward gap is refused; one in a fall-back fold takes the earlier instant.
    #[schema(example = "2027-03-09T16:00")]
    starts_at: Option<String>,
    #[schema(example = "2027-03-09T17:30")]
    ends_at: Option<String>,
    /// null: unlimited
    #[schema(minimum = 0, maximum = 100000)]
    capacity: Option<i32>,
    waitlist: Option<bool>,
    /// Slug of the region that organises the session; its organisers may edit it.
    organising_region: Option<String>,
    /// Region slugs; with `countries` both empty the session is open to all.
    regions: Option<Vec<String>>,
    /// ISO alpha-2 codes.
    countries: Option<Vec<String>>,
    topics: Option<Vec<String>>,
    #[schema(example = "en")]
    language: Option<String>,
    requires_approval: Option<bool>,
    /// RFC 3339 instant, or a local wall time in `time_zone`.
    registration_opens_at: Option<String>,
    registration_closes_at: Option<String>,
    location: Option<String>,
    join_url: Option<String>,
    /// draft (default) or published; cancel with the cancel call.
    status: Option<String>,
    /// Up to 20 extra questions: `{key?, kind: short_text|long_text|single_choice|multiple_choice|checkbox, label, required?, choices?}`.
    #[schema(value_type = Option<Vec<Object>>)]
    questions: Option<Vec<serde_json::Value>>,
}

/// RFC 9457 problem details.
#[allow(dead_code)]
#[derive(Serialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    #[schema(rename = "type")]
    kind: String,
    title: String,
    status: u16,
    detail: String,
    /// Field name → message, for invalid input.
    errors: Option<BTreeMap<String, String>>,
}

/// Errors are problem documents, and some answers can come from any
/// operation (an unreadable body, the database down): say so in the spec
/// once here rather than on every handler.
struct ProblemResponses;

impl Modify for ProblemResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
        const PROBLEM: &str = "application/problem+json";
        let problem = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(PROBLEM, ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build())
                .build()
        };
        for item in openapi.paths.paths.values_mut() {
            let operations = [&mut item.get, &mut item.post, &mut item.patch, &mut item.put, &mut item.delete];
            for op in operations.into_iter().flatten() {
                let responses = &mut op.responses.responses;
                for (status, response) in responses.iter_mut() {
                    if let (false, RefOr::T(r)) = (status.starts_with('2'), response)
                        && let Some(content) = r.content.shift_remove("application/json")
                    {
                        r.content.insert(PROBLEM.into(), content);
                    }
                }
                let mut add = |status: &str, description: &str| {
                    responses.entry(status.into()).or_insert_with(|| RefOr::T(problem(description)));
                };
                if op.parameters.as_ref().is_some_and(|p| !p.is_empty()) || op.request_body.is_some() {
                    add("400", "The query string or body could not be read.");
                }
                if op.request_body.is_some() {
                    add("413", "The body is larger than the limit.");
                    add("415", "The body is not sent as application/json.");
                }
                add("503", "The database is not answering; retry after the Retry-After seconds.");
            }
        }
    }
}

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Convene API", description = "Event and webinar scheduling for the EU CBRN Centres of Excellence network."),
    paths(
        super::sessions::create_session,
        super::sessions::list_sessions,
        super::sessions::get_session,
        super::sessions::patch_session,
        super::sessions::cancel_session,
        super::registrations::create_registration,
        super::registrations::list_registrations,
        super::registrations::cancel_registration,
        super::registrations::approve_registration,
        super::registrations::reject_registration,
        super::series::create_series,
        super::series::get_series,
        super::series::patch_series,
        super::reference::list_regions,
        super::reference::list_countries,
        super::reference::list_topics,
    ),
    components(schemas(SessionOut, SeriesOut, SessionWrite, Problem, RegionOut, CountryOut, TopicOut, RegistrationCreated, RegistrationOut)),
    modifiers(&BearerAuth, &ProblemResponses)
)]
struct ApiDoc;

pub async fn openapi_json() -> HttpResponse {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    HttpResponse::Ok().json(doc)
}
