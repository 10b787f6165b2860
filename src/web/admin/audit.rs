//! `/admin/audit`: the whole audit log for admins (each session's own
//! entries are also on its workspace page).

use super::Staff;
use crate::db::audit::{self, Entry};
use crate::db::ids::SessionId;
use crate::web::PageError;
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{State, blocking, csrf};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/audit", web::get().to(page));
}

/// One audit entry as a table row: only what changed, before → after.
pub struct Change {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub session_id: Option<SessionId>,
    pub what: String,
}

pub fn rows(log: &[Entry]) -> Vec<Change> {
    log.iter()
        .map(|e| {
            let before: serde_json::Value = serde_json::from_str(&e.before).unwrap_or_default();
            let after: serde_json::Value = serde_json::from_str(&e.after).unwrap_or_default();
            let diff = audit::difference(&before, &after);
            let what = match diff.as_object() {
                Some(d) if !d.is_empty() => {
                    d.iter().map(|(k, v)| format!("{k}: {} → {}", v[0], v[1])).collect::<Vec<_>>().join("; ")
                }
                _ => after.to_string(),
            };
            Change {
                at: e.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                actor: e.actor.clone(),
                action: e.action.clone(),
                session_id: e.session_id,
                what,
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    changes: Vec<Change>,
    action: String,
}

async fn page(
    req: HttpRequest,
    state: State,
    me: Staff,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    me.require_admin()?;
    let query = query.into_inner();
    let action: String = query.get("action").map(|a| a.trim().chars().take(64).collect()).unwrap_or_default();
    let filter = (!action.is_empty()).then(|| action.clone());
    let log =
        blocking(&state.pool, move |conn| Ok::<_, PageError>(audit::recent(conn, 500, filter.as_deref())?)).await?;
    let empty = HashMap::new();
    let viewer = Viewer::from_request(&req, &empty, crate::domain::zone::TimeZone::utc());
    let token = csrf::token(&req)?;
    let page = AuditPage {
        chrome: Chrome::new(&viewer, &state.reference(), &empty),
        csrf: token.value.clone(),
        email: me.email,
        changes: rows(&log),
        action,
    };
    render_status(&page, StatusCode::OK, [token.cookie])
}
