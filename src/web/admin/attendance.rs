//! Online attendance from the participant report that Zoom, Teams or Webex
//! export: pasted (or read from a file by a small script) on the session's
//! page, matched to confirmed registrations by email, case apart.

use super::Staff;
use super::edit::load;
use super::registrations::back;
use crate::db::ids::SessionId;
use crate::domain::meeting_report::{self, ReportError};
use crate::domain::message::Message;
use crate::error::AppError;
use crate::web::csrf::CsrfForm;
use crate::web::{PageError, State, blocking};
use actix_web::{HttpResponse, web};

/// A report of a few thousand rows, pasted.
const REPORT_LIMIT: usize = 2 * 1024 * 1024;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/sessions/{id}/attendance-report")
            .app_data(web::PayloadConfig::new(REPORT_LIMIT))
            .route(web::post().to(import)),
    );
}

/// Unmatched people named in the notice, at most this many.
const NAMED: usize = 20;

async fn import(
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let session = load(&state, &staff, *id).await?;
    let minutes = (session.ends_at() - session.starts_at()).num_minutes();
    let people = match meeting_report::read(&form.get("report"), minutes) {
        Ok(p) if !p.is_empty() => p,
        Ok(_) => return Ok(back(&state, session.id(), Message::id("ws-done-report-empty"))),
        Err(ReportError::NoEmailColumn) => {
            return Ok(back(&state, session.id(), Message::id("ws-done-report-no-email")));
        }
        Err(ReportError::NoDuration) => {
            return Ok(back(&state, session.id(), Message::id("ws-done-report-no-duration")));
        }
    };
    let (access, actor, session_id) = (staff.access(), staff.actor(), session.id());
    let done = blocking(&state.pool, move |conn| {
        crate::registrations::import_attendance(conn, session_id, &people, &access, &actor).map_err(AppError::from)
    })
    .await?;
    let named: Vec<String> = done
        .unmatched
        .iter()
        .take(NAMED)
        .map(|(name, email)| if name.is_empty() { email.clone() } else { format!("{name} <{email}>") })
        .collect();
    let said = Message::new(
        "ws-done-report",
        vec![
            ("matched", done.matched.into()),
            ("unmatched", done.unmatched.len().into()),
            ("who", named.join("; ").into()),
        ],
    );
    Ok(back(&state, session_id, said))
}
