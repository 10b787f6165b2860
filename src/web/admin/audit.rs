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
    /// What changed, a line per field: before → after.
    pub what: Vec<Line>,
}

/// One field of a change, as people read it (None: the field was not there).
pub struct Line {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A stored value for people: text as it is, lists joined, nothing as "—",
/// long ones cut.
fn readable(v: &serde_json::Value) -> String {
    use serde_json::Value;
    let text = match v {
        Value::Null => "—".to_string(),
        Value::String(s) if s.is_empty() => "—".to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.is_empty() => "—".to_string(),
        Value::Array(items) => items.iter().map(readable).collect::<Vec<_>>().join(", "),
        Value::Object(m) => m.iter().map(|(k, v)| format!("{k}: {}", readable(v))).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    };
    if text.chars().count() > 200 { format!("{}…", text.chars().take(200).collect::<String>()) } else { text }
}

/// The lines of one entry: the fields that differ when both sides are
/// there, else every field of the side that is.
fn lines(before: &serde_json::Value, after: &serde_json::Value) -> Vec<Line> {
    let side = |v: &serde_json::Value, is_after: bool| -> Vec<Line> {
        match v.as_object() {
            Some(m) => m
                .iter()
                .map(|(k, v)| Line {
                    field: k.clone(),
                    before: (!is_after).then(|| readable(v)),
                    after: is_after.then(|| readable(v)),
                })
                .collect(),
            None if v.is_null() => Vec::new(),
            None => vec![Line { field: String::new(), before: None, after: Some(readable(v)) }],
        }
    };
    match (before.is_null(), after.is_null()) {
        (true, _) => side(after, true),
        (false, true) => side(before, false),
        (false, false) => match audit::difference(before, after).as_object() {
            Some(d) if !d.is_empty() => d
                .iter()
                .map(|(k, v)| Line { field: k.clone(), before: Some(readable(&v[0])), after: Some(readable(&v[1])) })
                .collect(),
            _ => side(after, true),
        },
    }
}

pub fn rows(log: &[Entry]) -> Vec<Change> {
    log.iter()
        .map(|e| {
            let before: serde_json::Value = serde_json::from_str(&e.before).unwrap_or_default();
            let after: serde_json::Value = serde_json::from_str(&e.after).unwrap_or_default();
            Change {
                at: e.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                actor: e.actor.clone(),
                action: e.action.clone(),
                session_id: e.session_id,
                what: lines(&before, &after),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_change_reads_as_before_and_after_per_field() {
        let moved = lines(
            &json!({"starts_at": "2027-03-09T16:00", "title": "A"}),
            &json!({"starts_at": "2027-03-10T16:00", "title": "A"}),
        );
        assert_eq!(moved.len(), 1, "only what changed");
        assert_eq!(
            (moved[0].field.as_str(), moved[0].before.as_deref(), moved[0].after.as_deref()),
            ("starts_at", Some("2027-03-09T16:00"), Some("2027-03-10T16:00"))
        );
        let made = lines(&serde_json::Value::Null, &json!({"topics": ["biosafety", "forensics"], "join_url": ""}));
        let words: Vec<(String, Option<String>)> = made.into_iter().map(|l| (l.field, l.after)).collect();
        assert!(words.contains(&("topics".into(), Some("biosafety, forensics".into()))), "lists joined, not JSON");
        assert!(words.contains(&("join_url".into(), Some("—".into()))));
        let gone = lines(&json!({"title": "Draft"}), &serde_json::Value::Null);
        assert_eq!((gone[0].before.as_deref(), gone[0].after.as_deref()), (Some("Draft"), None));
    }
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
