//! `/admin/sessions/{id}/check-in`: the door's page, phone-sized. Type the
//! code or scan its QR code (the camera through the browser where it can
//! read QR codes; typing always works), see who it is and mark them
//! attended; a second scan says when the first was. Each check-in is one
//! small request: with the script, a `fetch` answered in JSON; without it,
//! the form posts and the page comes back with the answer.

use super::Staff;
use super::edit::load;
use crate::db::ids::SessionId;
use crate::domain::lang::Lang;
use crate::domain::registration::RegistrationStatus;
use crate::error::AppError;
use crate::web::csrf::{self, CsrfForm};
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{PageError, State, blocking};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/sessions/{id}/check-in").route(web::get().to(page)).route(web::post().to(check_in)));
}

#[derive(askama::Template)]
#[template(path = "admin/check_in.html")]
struct CheckInPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    id: SessionId,
    title: String,
    checked_in: usize,
    confirmed: usize,
    answer: Option<Answer>,
}

/// What the door sees after a scan.
#[derive(Serialize)]
struct Answer {
    /// `checked_in`, `already` or `refused`
    outcome: &'static str,
    /// The sentence to show ("Maria Santos is checked in." …).
    said: String,
    name: String,
    organisation: String,
    country: String,
    role: String,
}

async fn page(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    show(&req, &state, &staff, *id, &query.into_inner(), None).await
}

async fn show(
    req: &HttpRequest,
    state: &State,
    staff: &Staff,
    id: SessionId,
    query: &HashMap<String, String>,
    answer: Option<Answer>,
) -> Result<HttpResponse, PageError> {
    let session = load(state, staff, id).await?;
    let list =
        blocking(&state.pool, move |conn| Ok::<_, PageError>(crate::db::registrations::for_session(conn, id)?)).await?;
    let confirmed: Vec<_> = list.iter().filter(|r| r.status() == RegistrationStatus::Confirmed).collect();
    let viewer = Viewer::from_request(req, query, session.zone());
    let token = csrf::token(req)?;
    let page = CheckInPage {
        chrome: Chrome::new(&viewer, &state.reference(), query),
        csrf: token.value.clone(),
        email: staff.email.clone(),
        id,
        title: session.row.title.clone(),
        checked_in: confirmed.iter().filter(|r| r.checked_in_at.is_some()).count(),
        confirmed: confirmed.len(),
        answer,
    };
    render_status(&page, StatusCode::OK, [viewer.cookie(), token.cookie])
}

async fn check_in(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let session = load(&state, &staff, *id).await?;
    let lang = crate::web::public::language(&req);
    let answer = match crate::domain::certificate::read_crockford(&form.get("code"), 8) {
        None => refused(lang, crate::i18n::t(lang, "check-in-unknown")),
        Some(code) => {
            let (keys, access, actor, session_id) = (state.keys.clone(), staff.access(), staff.actor(), session.id());
            let done = blocking(&state.pool, move |conn| {
                crate::registrations::check_in(conn, session_id, &code, &keys, &access, &actor).map_err(AppError::from)
            })
            .await;
            match done {
                Ok(c) => {
                    let r = &c.registration;
                    let at = c.already.map(|t| session.zone().at(t.and_utc()).local.format("%H:%M").to_string());
                    let reference = state.reference();
                    Answer {
                        outcome: if at.is_some() { "already" } else { "checked_in" },
                        said: match &at {
                            Some(at) => crate::i18n::message(
                                lang,
                                "check-in-already",
                                &[("name", r.name.as_str().into()), ("time", at.as_str().into())],
                            ),
                            None => crate::i18n::message(lang, "check-in-done", &[("name", r.name.as_str().into())]),
                        },
                        name: r.name.clone(),
                        organisation: r.organisation.clone(),
                        country: reference.country(&r.country_iso2).map(|c| c.name_in(lang)).unwrap_or_default(),
                        role: crate::i18n::t(lang, &format!("role-{}", r.role.as_str())),
                    }
                }
                Err(AppError::Conflict(m)) => refused(lang, m.in_lang(lang)),
                Err(e) => return Err(e.into()),
            }
        }
    };
    let wants_json = req
        .headers()
        .get(actix_web::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"));
    if wants_json {
        return Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(answer));
    }
    show(&req, &state, &staff, session.id(), &HashMap::new(), Some(answer)).await
}

fn refused(_lang: Lang, said: String) -> Answer {
    Answer {
        outcome: "refused",
        said,
        name: String::new(),
        organisation: String::new(),
        country: String::new(),
        role: String::new(),
    }
}
