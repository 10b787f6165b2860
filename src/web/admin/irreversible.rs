//! What cannot be undone, each behind a page that says what will happen
//! before the button that does it: cancelling a session ("42 people will
//! be emailed in 9 time zones", a reason required when anyone is
//! registered) and deleting a draft. A session that has been held can be
//! neither cancelled nor moved (see `sessions::cancel` and
//! `domain::session::check_update`).

use super::Staff;
use super::edit::load;
use crate::db::ids::SessionId;
use crate::db::registrations as registration_store;
use crate::db::sessions::Session;
use crate::domain::message::Message;
use crate::domain::session::{SessionStatus, has_ended};
use crate::domain::slot::SlotView;
use crate::error::AppError;
use crate::web::csrf::{self, CsrfForm};
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{PageError, State, blocking};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::{BTreeSet, HashMap};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/sessions/{id}/cancel", web::get().to(cancel_form))
        .route("/sessions/{id}/cancel", web::post().to(cancel))
        .route("/sessions/{id}/delete", web::get().to(delete_form))
        .route("/sessions/{id}/delete", web::post().to(delete));
}

/// Who a cancellation would tell: the people who hold or await a place,
/// and in how many zones they read their times.
pub struct Audience {
    pub people: usize,
    pub zones: usize,
}

async fn audience(state: &State, id: SessionId) -> Result<Audience, PageError> {
    blocking(&state.pool, move |conn| {
        let active = registration_store::active(conn, id)?;
        let zones: BTreeSet<&str> = active.iter().map(|r| r.time_zone.as_str()).collect();
        Ok::<_, PageError>(Audience { people: active.len(), zones: zones.len() })
    })
    .await
}

#[derive(Template)]
#[template(path = "admin/confirm.html")]
struct ConfirmPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    id: SessionId,
    title: String,
    when: String,
    /// `cancel` or `delete`.
    action: &'static str,
    audience: Audience,
    /// Why it cannot be done (a session already held or cancelled, a
    /// draft that is not one any more); no form then.
    refused: Option<Message>,
    reason: String,
    reason_error: Option<String>,
}

impl ConfirmPage {
    fn heading(&self) -> String {
        self.chrome.t1(&format!("ws-confirm-{}-title", self.action), "title", &self.title)
    }

    pub fn err(&self, _id: &str) -> Option<&str> {
        self.reason_error.as_deref()
    }
}

/// Why `action` cannot be done to this session now, if it cannot.
fn refusal(session: &Session, action: &str) -> Option<Message> {
    match (action, session.status()) {
        (_, SessionStatus::Cancelled) => Some(Message::id("ws-confirm-already-cancelled")),
        ("delete", SessionStatus::Published) => Some(Message::id("ws-confirm-not-a-draft")),
        ("cancel", _) if has_ended(session.ends_at(), chrono::Utc::now()) => Some(Message::id("err-held-cancel")),
        _ => None,
    }
}

async fn confirm_page(
    req: &HttpRequest,
    state: &State,
    staff: &Staff,
    session: Session,
    action: &'static str,
    typed: (String, Option<String>),
) -> Result<HttpResponse, PageError> {
    let query = HashMap::new();
    let viewer = Viewer::from_request(req, &query, session.zone());
    let audience = audience(state, session.id()).await?;
    let token = csrf::token(req)?;
    let status = if typed.1.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = ConfirmPage {
        chrome: Chrome::new(&viewer, &state.reference(), &query),
        csrf: token.value.clone(),
        email: staff.email.clone(),
        id: session.id(),
        title: session.row.title.clone(),
        when: SlotView::new(session.starts_at(), session.ends_at(), &viewer.zone, &session.zone()).line(),
        action,
        audience,
        refused: refusal(&session, action),
        reason: typed.0,
        reason_error: typed.1,
    };
    render_status(&page, status, [viewer.cookie(), token.cookie])
}

async fn cancel_form(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
) -> Result<HttpResponse, PageError> {
    let session = load(&state, &staff, *id).await?;
    confirm_page(&req, &state, &staff, session, "cancel", (String::new(), None)).await
}

async fn cancel(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let session = load(&state, &staff, *id).await?;
    let id = session.id();
    let reason: String = form.get("reason").trim().chars().filter(|c| !c.is_control()).take(500).collect();
    // People are owed a reason; the API leaves it optional, the workspace does not.
    let told = audience(&state, id).await?;
    if reason.is_empty() && told.people > 0 {
        let lang = crate::web::public::language(&req);
        let error = crate::i18n::t(lang, "ws-confirm-reason-required");
        return confirm_page(&req, &state, &staff, session, "cancel", (reason, Some(error))).await;
    }
    let (notifier, actor) = (state.composer.clone(), staff.acting());
    blocking(&state.pool, move |conn| {
        crate::sessions::cancel(conn, id, (!reason.is_empty()).then_some(reason.as_str()), &notifier, &actor)
            .map_err(AppError::from)
    })
    .await?;
    state.mail_queued();
    let done = Message::new("ws-done-cancelled", vec![("people", told.people.into())]);
    Ok(super::registrations::back(&state, id, done))
}

async fn delete_form(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
) -> Result<HttpResponse, PageError> {
    let session = load(&state, &staff, *id).await?;
    confirm_page(&req, &state, &staff, session, "delete", (String::new(), None)).await
}

async fn delete(
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    _form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let session = load(&state, &staff, *id).await?;
    let (id, title) = (session.id(), session.row.title.clone());
    let actor = staff.acting();
    let reference = state.reference();
    let files = blocking(&state.pool, move |conn| {
        crate::sessions::delete_draft(conn, &reference, id, &actor).map_err(AppError::from)
    })
    .await?;
    crate::web::materials::remove_files(&state, files).await;
    let done = Message::new("ws-done-deleted", vec![("title", title.into())]);
    Ok(crate::web::see_other(&format!("/admin/sessions?{}#notice", super::notice_query(&state, &done))))
}
