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
        super::registrations::record_attendance,
        super::certificates::issue_certificates,
        super::certificates::list_certificates,
        super::certificates::revoke_certificate,
        super::nominations::create_nomination,
        super::nominations::accept_nomination,
        super::nominations::decline_nomination,
        super::nominations::endorse_registration,
        super::nominations::decline_endorsement,
        super::nominations::withdraw_nomination,
        super::nominations::replace_nominee,
        super::reports::participation,
        super::series::create_series,
        super::series::get_series,
        super::series::patch_series,
        super::series::register_series,
        super::reference::list_regions,
        super::reference::list_countries,
        super::reference::list_topics,
    ),
    components(schemas(SessionOut, SeriesOut, crate::domain::session::SessionFields, Problem, RegionOut, CountryOut, TopicOut, RegistrationCreated, RegistrationOut, crate::domain::report::Participation, crate::domain::report::Count, crate::domain::report::SessionCount, super::series::SeriesRegistrationsOut, super::series::Skipped, super::certificates::CertificateOut, crate::certificates::Issued)),
    modifiers(&BearerAuth, &ProblemResponses)
)]
struct ApiDoc;

pub async fn openapi_json() -> HttpResponse {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    HttpResponse::Ok().json(doc)
}
