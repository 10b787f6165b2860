//! Pages for participants: upcoming sessions and each session, with every
//! time in the session's zone and the viewer's.

mod address;
mod certificates;
mod feedback;
pub mod feeds;
mod home;
mod manage;
pub mod register;
mod series;
mod session;
mod viewer;

use crate::error::AppError;
use crate::web::PageError;
use actix_web::{HttpResponse, web};
use askama::Template;

pub use viewer::{Chrome, Viewer, ZoneSource, language};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(network_logo)
        .service(home::home)
        .service(home::archive_page)
        .service(feeds::feeds_page)
        .service(session::session_page)
        .service(session::material)
        .service(series::series_page)
        .service(
            web::resource("/sessions/{id}/register")
                .app_data(web::PayloadConfig::new(register::FORM_LIMIT))
                .route(web::get().to(register::register_form_handler))
                .route(web::post().to(register::register_handler)),
        )
        .service(certificates::verify)
        .service(certificates::download)
        .configure(manage::config)
        .configure(feedback::config)
        .configure(address::config)
        .route("/language", web::get().to(viewer::switch_language))
        .service(privacy);
}

pub async fn not_found() -> Result<HttpResponse, PageError> {
    Err(PageError(AppError::NotFound))
}

/// Renders a page with a status and cookies to set.
pub fn render_status<const N: usize>(
    page: &impl Template,
    status: actix_web::http::StatusCode,
    cookies: [Option<actix_web::cookie::Cookie<'static>>; N],
) -> Result<HttpResponse, PageError> {
    let html = html(page)?;
    let mut res = HttpResponse::build(status);
    res.content_type("text/html; charset=utf-8").insert_header(("Cache-Control", "no-store"));
    for cookie in cookies.into_iter().flatten() {
        res.cookie(cookie);
    }
    Ok(res.body(html))
}

/// Renders a page; a template error is an internal error, never a panic.
pub fn render(
    page: &impl Template,
    cookie: Option<actix_web::cookie::Cookie<'static>>,
) -> Result<HttpResponse, PageError> {
    let html = html(page)?;
    let mut res = HttpResponse::Ok();
    res.content_type("text/html; charset=utf-8");
    if let Some(cookie) = cookie {
        res.cookie(cookie);
    }
    Ok(res.body(html))
}

/// A page rendered to text (for `web::page_cache`); a template error is an
/// internal error, never a panic.
pub fn to_html(page: &impl Template) -> Result<String, PageError> {
    html(page)
}

/// The page's HTML, with its bidi isolates as `<bdi>` elements.
fn html(page: &impl Template) -> Result<String, PageError> {
    let text = page.render().map_err(|e| AppError::Internal(anyhow::anyhow!("template failed: {e}")))?;
    Ok(crate::domain::bidi::markup(&text))
}

/// A page already rendered, with a cookie to set.
pub fn html_response(body: web::Bytes, cookie: Option<actix_web::cookie::Cookie<'static>>) -> HttpResponse {
    let mut res = HttpResponse::Ok();
    res.content_type("text/html; charset=utf-8");
    if let Some(cookie) = cookie {
        res.cookie(cookie);
    }
    res.body(body)
}

#[derive(Template)]
#[template(path = "public/privacy.html")]
struct PrivacyPage {
    chrome: Chrome,
    retention_days: i64,
}

#[actix_web::get("/privacy")]
async fn privacy(
    req: actix_web::HttpRequest,
    state: crate::web::State,
    query: web::Query<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let query = query.into_inner();
    let viewer = Viewer::from_request(&req, &query, crate::domain::zone::TimeZone::utc());
    let page = PrivacyPage {
        chrome: Chrome::new(&viewer, &state.reference(), &query),
        retention_days: state.settings.retention_days,
    };
    render(&page, viewer.cookie())
}

/// The network's logo (network settings), for every page's header. Its
/// address carries the settings' version, so it may be kept for a day.
#[actix_web::get("/network/logo")]
pub async fn network_logo(state: crate::web::State) -> Result<actix_web::HttpResponse, PageError> {
    let reference = state.reference();
    let (content_type, bytes) = reference.settings.logo.clone().ok_or(crate::error::AppError::NotFound)?;
    Ok(actix_web::HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(("Cache-Control", "public, max-age=86400"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes))
}
