//! One session's registrations in the workspace: filters and search,
//! figures by country and region with a small server-drawn chart, bulk
//! actions (approve, reject, promote, cancel, move, attendance) and an
//! email to the registrants through the outbox, previewed first.

use super::Staff;
use super::edit::load;
use crate::db::models::Registration;
use crate::db::reference::Reference;
use crate::db::registrations as store;
use crate::domain::message::Message;
use crate::domain::registration::{RegistrationInput, RegistrationStatus};
use crate::error::{AppError, PageError};
use crate::web::csrf::{CsrfForm, Fields};
use crate::web::{State, blocking};
use actix_web::{HttpRequest, HttpResponse, web};
use std::collections::{BTreeMap, HashMap};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/sessions/{id}/registrations", web::post().to(bulk))
        .route("/sessions/{id}/email", web::post().to(email));
}

/// Status values and their labels, for the filter.
pub const STATUSES: [(&str, &str); 6] = [
    ("confirmed", "confirmed"),
    ("waitlisted", "waiting list"),
    ("pending_approval", "pending approval"),
    ("rejected", "rejected"),
    ("cancelled", "cancelled"),
    ("attended", "attended"),
];

/// What the registrations table shows: by status, country, region and a
/// search in name, email and organisation.
#[derive(Default)]
pub struct Filters {
    pub status: String,
    pub country: String,
    pub region: String,
    pub q: String,
}

impl Filters {
    pub fn from_query(query: &HashMap<String, String>) -> Self {
        let get = |k: &str| query.get(k).map(|v| v.trim().chars().take(100).collect()).unwrap_or_default();
        Self { status: get("status"), country: get("country").to_ascii_uppercase(), region: get("region"), q: get("q") }
    }

    pub fn keeps(&self, r: &Registration, reference: &Reference) -> bool {
        let status_ok = match self.status.as_str() {
            "" => true,
            "attended" => r.attendance.as_deref() == Some("attended"),
            s => r.status == s,
        };
        let country_ok = self.country.is_empty() || r.country_iso2 == self.country;
        let region_ok = self.region.is_empty()
            || reference
                .region(&self.region)
                .is_some_and(|g| reference.countries_in(g.id).iter().any(|c| c.iso2 == r.country_iso2));
        let q = self.q.to_lowercase();
        let q_ok = q.is_empty() || [&r.name, &r.email, &r.organisation].iter().any(|f| f.to_lowercase().contains(&q));
        status_ok && country_ok && region_ok && q_ok
    }
}

#[derive(Default, Clone)]
pub struct Count {
    pub confirmed: usize,
    pub waiting: usize,
    pub pending: usize,
    pub attended: usize,
}

/// A bar of the chart, laid out in SVG user units.
pub struct Bar {
    pub label: String,
    pub value: usize,
    pub y: usize,
    pub width: usize,
    pub text_y: usize,
}

pub struct Figures {
    pub by_country: Vec<(String, Count)>,
    /// A country in two regions counts in both.
    pub by_region: Vec<(String, Count)>,
    pub bars: Vec<Bar>,
    pub chart_height: usize,
}

const BAR: usize = 22;
const CHART_WIDTH: usize = 360;

impl Figures {
    pub fn new(list: &[Registration], reference: &Reference, lang: crate::domain::lang::Lang) -> Self {
        let mut by_country: BTreeMap<String, Count> = BTreeMap::new();
        let mut by_region: BTreeMap<String, Count> = BTreeMap::new();
        for r in list {
            let country = reference.country(&r.country_iso2).map(|c| c.name_in(lang)).unwrap_or(r.country_iso2.clone());
            let regions: Vec<String> = reference
                .regions
                .iter()
                .filter(|g| reference.countries_in(g.id).iter().any(|c| c.iso2 == r.country_iso2))
                .map(|g| g.name_in(lang))
                .collect();
            let add = |c: &mut Count| match r.status() {
                RegistrationStatus::Confirmed => {
                    c.confirmed += 1;
                    if r.attendance.as_deref() == Some("attended") {
                        c.attended += 1;
                    }
                }
                RegistrationStatus::Waitlisted => c.waiting += 1,
                RegistrationStatus::PendingApproval => c.pending += 1,
                _ => {}
            };
            add(by_country.entry(country).or_default());
            for g in regions {
                add(by_region.entry(g).or_default());
            }
        }
        let mut by_country: Vec<(String, Count)> = by_country.into_iter().collect();
        by_country.sort_by(|a, b| b.1.confirmed.cmp(&a.1.confirmed).then(a.0.cmp(&b.0)));
        let by_region: Vec<(String, Count)> = by_region.into_iter().collect();
        let top: Vec<&(String, Count)> = by_country.iter().filter(|(_, c)| c.confirmed > 0).take(15).collect();
        let max = top.iter().map(|(_, c)| c.confirmed).max().unwrap_or(1).max(1);
        let bars = top
            .iter()
            .enumerate()
            .map(|(i, (label, c))| Bar {
                label: label.clone(),
                value: c.confirmed,
                y: i * BAR,
                width: (c.confirmed * CHART_WIDTH / max).max(2),
                text_y: i * BAR + 15,
            })
            .collect::<Vec<_>>();
        let chart_height = bars.len() * BAR;
        Self { by_country, by_region, bars, chart_height }
    }
}

/// An email as its first recipient would get it.
pub struct Preview {
    pub to: String,
    /// The subject as composed (with the session's title).
    pub subject: String,
    /// The subject as the organiser typed it, to send.
    pub typed_subject: String,
    pub body: String,
    pub recipients: usize,
    pub audience: String,
    pub message: String,
}

impl Preview {
    pub fn message_subject(&self) -> &str {
        &self.typed_subject
    }
}

fn ids(form: &Fields) -> Vec<i32> {
    form.all("ids").iter().filter_map(|i| i.parse().ok()).take(1000).collect()
}

/// Back to the session's page, saying what happened (signed: see [`super::notice_query`]).
pub fn back(state: &State, id: i32, done: Message) -> HttpResponse {
    let q = super::notice_query(state, &done);
    crate::web::see_other(&format!("/admin/sessions/{id}?{q}#registrations"))
}

/// The person's details as a registration for another session.
fn as_input(r: &Registration) -> (Option<RegistrationInput>, crate::domain::fields::FieldErrors) {
    let answers: serde_json::Value = serde_json::from_str(&r.answers).unwrap_or_default();
    let object = serde_json::json!({
        "name": r.name, "email": r.email, "organisation": r.organisation, "position": r.position,
        "country": r.country_iso2, "time_zone": r.time_zone, "consent": true, "answers": answers,
    });
    match object {
        serde_json::Value::Object(m) => RegistrationInput::parse(&m, r.lang()),
        _ => (None, crate::domain::fields::FieldErrors::default()),
    }
}

async fn bulk(state: State, staff: Staff, id: web::Path<String>, form: CsrfForm) -> Result<HttpResponse, PageError> {
    let session = load(&state, &staff, &id).await?;
    let session_id = session.id();
    let chosen = ids(&form);
    let action = form.get("action");
    if chosen.is_empty() {
        return Ok(back(&state, session_id, Message::id("ws-done-choose")));
    }
    let target: Option<i32> = form.get("target").parse().ok();
    if action == "move" {
        // The target session must be one this person may manage too.
        let t = target.ok_or(AppError::BadRequest("Give the number of the session to move them to.".into()))?;
        load(&state, &staff, &t.to_string()).await?;
    }
    let (notifier, actor, keys) = (state.composer.clone(), staff.actor(), state.keys.clone());
    let reference = state.reference();
    let summary = blocking(&state.pool, move |conn| {
        let rows: Vec<Registration> =
            store::for_session(conn, session_id)?.into_iter().filter(|r| chosen.contains(&r.id)).collect();
        if matches!(action.as_str(), "attended" | "no_show" | "unmarked") {
            let mark = match action.as_str() {
                "attended" => Some("attended"),
                "no_show" => Some("no_show"),
                _ => None,
            };
            let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
            let n = store::set_attendance(conn, session_id, &ids, mark, &actor)?;
            return Ok::<_, PageError>(Message::new("ws-done-marked", vec![("count", n.into())]));
        }
        let (mut done, mut failed) = (0, Vec::new());
        for r in &rows {
            let result = match action.as_str() {
                "approve" => {
                    crate::registrations::approve(conn, r.id, &notifier, &actor).map(drop).map_err(AppError::from)
                }
                "reject" => {
                    crate::registrations::reject(conn, r.id, &notifier, &actor).map(drop).map_err(AppError::from)
                }
                "cancel" => crate::registrations::cancel_by_organiser(conn, r.id, &notifier, &actor)
                    .map(drop)
                    .map_err(AppError::from),
                "promote" => {
                    crate::registrations::promote_one(conn, r.id, &notifier, &actor).map(drop).map_err(AppError::from)
                }
                "move" => {
                    let Some(t) = target else { continue };
                    // Into the other session first: if that fails, nothing changed.
                    crate::registrations::register(conn, &keys, &reference, t, as_input(r), crate::db::now(), &notifier)
                        .and_then(|_| {
                            crate::registrations::cancel_by_organiser(conn, r.id, &notifier, &actor).map(drop)
                        })
                        .map_err(AppError::from)
                }
                _ => Err(AppError::BadRequest("Choose an action.".into())),
            };
            match result {
                Ok(()) => done += 1,
                Err(
                    e @ (AppError::Conflict(_)
                    | AppError::Forbidden(_)
                    | AppError::Validation(_)
                    | AppError::BadRequest(_)),
                ) => failed.push(format!("{}: {e}", r.name)),
                Err(e) => return Err(e.into()),
            }
        }
        Ok(if failed.is_empty() {
            Message::new("ws-done-bulk", vec![("done", done.into())])
        } else {
            Message::new("ws-done-bulk-failed", vec![("done", done.into()), ("failed", failed.join("; ").into())])
        })
    })
    .await?;
    state.mail_queued();
    Ok(back(&state, session_id, summary))
}

/// Who an email goes to: every active registrant, or one status.
fn audience(list: Vec<Registration>, to: &str) -> Vec<Registration> {
    list.into_iter()
        .filter(|r| match to {
            "confirmed" => r.status() == RegistrationStatus::Confirmed,
            "waitlisted" => r.status() == RegistrationStatus::Waitlisted,
            "pending_approval" => r.status() == RegistrationStatus::PendingApproval,
            _ => matches!(
                r.status(),
                RegistrationStatus::Confirmed | RegistrationStatus::Waitlisted | RegistrationStatus::PendingApproval
            ),
        })
        .collect()
}

async fn email(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<String>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let session = load(&state, &staff, &id).await?;
    let session_id = session.id();
    let subject: String = form.get("subject").chars().filter(|c| !c.is_control()).take(150).collect();
    let message: String = form
        .get("message")
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .take(10_000)
        .collect();
    let to = form.get("to");
    if subject.is_empty() || message.trim().is_empty() {
        return Ok(back(&state, session_id, Message::id("ws-done-write")));
    }
    let list = blocking(&state.pool, move |conn| Ok::<_, PageError>(store::for_session(conn, session_id)?)).await?;
    let people = audience(list, &to);
    if people.is_empty() {
        return Ok(back(&state, session_id, Message::id("ws-done-nobody")));
    }
    if form.get("send") != "yes" {
        // The preview: the first recipient's email, not yet queued.
        let first = people[0].clone();
        let composed = state.composer.organiser_message(&session, &first, &subject, &message)?;
        let preview = Preview {
            to: first.email.clone(),
            subject: composed.subject,
            typed_subject: subject,
            body: composed.body_text,
            recipients: people.len(),
            audience: to,
            message,
        };
        return super::sessions::render_with_preview(req, state, staff, session_id, preview).await;
    }
    let (composer, actor) = (state.composer.clone(), staff.actor());
    let count = people.len();
    blocking(&state.pool, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            for r in &people {
                composer.send_organiser_message(conn, &session, r, &subject, &message)?;
            }
            crate::db::audit::record(
                conn,
                &actor,
                "session.email",
                Some(session_id),
                None,
                &serde_json::Value::Null,
                &serde_json::json!({"subject": subject, "recipients": count}),
            )?;
            Ok::<_, AppError>(())
        })
    })
    .await?;
    state.mail_queued();
    Ok(back(&state, session_id, Message::new("ws-done-queued", vec![("count", count.into())])))
}
