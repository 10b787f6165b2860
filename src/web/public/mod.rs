//! Pages for participants: upcoming sessions and each session, with every
//! time in the session's zone and the viewer's.

mod home;
mod session;
mod viewer;

use crate::error::{AppError, PageError};
use actix_web::{HttpResponse, web};
use askama::Template;

pub use viewer::{Chrome, Viewer};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(home::home).service(session::session_page);
}

pub async fn not_found() -> Result<HttpResponse, PageError> {
    Err(PageError(AppError::NotFound))
}

/// Renders a page; a template error is an internal error, never a panic.
pub fn render(
    page: &impl Template,
    cookie: Option<actix_web::cookie::Cookie<'static>>,
) -> Result<HttpResponse, PageError> {
    let html = page
        .render()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("template failed: {e}")))?;
    let mut res = HttpResponse::Ok();
    res.content_type("text/html; charset=utf-8");
    if let Some(cookie) = cookie {
        res.cookie(cookie);
    }
    Ok(res.body(html))
}
