//! One session's registrations in the workspace: filters and search,
//! figures by country and region with a small server-drawn chart, bulk
//! actions (approve, reject, promote, cancel, move, attendance) and an
//! email to the registrants through the outbox, previewed first.

use super::Staff;
use super::edit::load;
use crate::db::ids::{RegistrationId, SessionId};
use crate::db::models::Registration;
use crate::db::reference::Reference;
use crate::db::registrations as store;
use crate::domain::message::Message;
use crate::domain::registration::{Attendance, RegistrationInput, RegistrationStatus};
use crate::error::AppError;
use crate::web::PageError;
use crate::web::csrf::{CsrfForm, Fields};
use crate::web::{State, blocking};
use actix_web::{HttpRequest, HttpResponse, web};
use std::collections::{BTreeMap, HashMap};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/sessions/{id}/registrations", web::post().to(bulk))
        .route("/sessions/{id}/email", web::post().to(email));
}

/// Status values and their labels, for the filter.
pub const STATUSES: [(&str, &str); 7] = [
    ("confirmed", "confirmed"),
    ("waitlisted", "waiting list"),
    ("pending_approval", "pending approval"),
    ("rejected", "rejected"),
    ("cancelled", "cancelled"),
    ("nominated", "nominated"),
    ("attended", "attended"),
];

/// What the registrations table shows: by status, country, region and a
/// search in name, email and organisation.
#[derive(Default)]
pub struct Filters {
    pub status: String,
    pub country: String,
    pub region: String,
    /// participant, trainer, observer or speaker; empty: any.
    pub role: String,
    pub q: String,
    /// Question keys whose answers the table shows (`col.KEY=on`).
    pub cols: Vec<String>,
}

impl Filters {
    pub fn from_query(query: &HashMap<String, String>) -> Self {
        let get = |k: &str| query.get(k).map(|v| v.trim().chars().take(100).collect()).unwrap_or_default();
        Self {
            status: get("status"),
            country: get("country").to_ascii_uppercase(),
            region: get("region"),
            role: get("role"),
            q: get("q"),
            cols: query
                .keys()
                .filter_map(|k| k.strip_prefix("col."))
                .filter(|k| k.len() <= 64)
                .take(20)
                .map(str::to_string)
                .collect(),
        }
    }

    pub fn keeps(&self, r: &Registration, reference: &Reference) -> bool {
        let status_ok = match self.status.as_str() {
            "" => true,
            "attended" => r.attendance.attended(),
            s => r.status.as_str() == s,
        };
        let country_ok = self.country.is_empty() || r.country_iso2 == self.country;
        let region_ok = self.region.is_empty()
            || reference.region(&self.region).is_some_and(|g| reference.in_region(&r.country_iso2, g.id));
        let role_ok = self.role.is_empty() || r.role.as_str() == self.role;
        let q = self.q.to_lowercase();
        let q_ok = q.is_empty() || [&r.name, &r.email, &r.organisation].iter().any(|f| f.to_lowercase().contains(&q));
        status_ok && country_ok && region_ok && role_ok && q_ok
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
    /// By what people come as (participant, trainer, …), in the reader's words.
    pub by_role: Vec<(String, Count)>,
    /// In a hybrid session: in the room and online.
    pub by_attendance: Vec<(String, Count)>,
    /// Interpretation asked for (language name), for booking interpreters.
    pub by_interpretation: Vec<(String, Count)>,
    pub bars: Vec<Bar>,
    pub chart_height: usize,
}

const BAR: usize = 22;
const CHART_WIDTH: usize = 360;

impl Figures {
    pub fn new(list: &[Registration], reference: &Reference, lang: crate::domain::lang::Lang) -> Self {
        let mut by_country: BTreeMap<String, Count> = BTreeMap::new();
        let mut by_region: BTreeMap<String, Count> = BTreeMap::new();
        let mut by_attendance: BTreeMap<String, Count> = BTreeMap::new();
        let mut by_interpretation: BTreeMap<String, Count> = BTreeMap::new();
        let mut by_role: Vec<(crate::domain::registration::ParticipantRole, Count)> =
            crate::domain::registration::ParticipantRole::EVERY.iter().map(|r| (*r, Count::default())).collect();
        // Thousands of registrations share a few countries: each country's
        // name and regions are looked up once.
        let mut names: BTreeMap<&str, (String, Vec<String>)> = BTreeMap::new();
        let mut modes: BTreeMap<&str, String> = BTreeMap::new();
        for r in list {
            let (country, regions) = names
                .entry(r.country_iso2.as_str())
                .or_insert_with(|| {
                    let name =
                        reference.country(&r.country_iso2).map(|c| c.name_in(lang)).unwrap_or(r.country_iso2.clone());
                    (name, reference.regions_of(&r.country_iso2).map(|g| g.name_in(lang)).collect())
                })
                .clone();
            let add = |c: &mut Count| match r.status() {
                RegistrationStatus::Confirmed => {
                    c.confirmed += 1;
                    if r.attendance.attended() {
                        c.attended += 1;
                    }
                }
                RegistrationStatus::Waitlisted => c.waiting += 1,
                RegistrationStatus::PendingApproval => c.pending += 1,
                _ => {}
            };
            add(by_country.entry(country).or_default());
            let mode = r.attendance_mode.as_str();
            let label =
                modes.entry(mode).or_insert_with(|| crate::i18n::t(lang, &format!("attendance-{mode}"))).clone();
            add(by_attendance.entry(label).or_default());
            if !r.interpretation.is_empty() {
                let name = crate::domain::lang::Lang::parse(&r.interpretation)
                    .map(|l| l.name().to_string())
                    .unwrap_or_else(|| r.interpretation.clone());
                add(by_interpretation.entry(name).or_default());
            }
            if let Some((_, c)) = by_role.iter_mut().find(|(role, _)| *role == r.role) {
                add(c);
            }
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
        let by_role = by_role
            .into_iter()
            .map(|(role, c)| (crate::i18n::t(lang, &format!("role-{}", role.as_str())), c))
            .collect();
        Self {
            by_country,
            by_region,
            by_role,
            by_attendance: by_attendance.into_iter().collect(),
            by_interpretation: by_interpretation.into_iter().collect(),
            bars,
            chart_height,
        }
    }
}

/// An email as its first recipient would get it, or (`error`) why it
/// cannot go; either way the form shows again with what was typed.
pub struct Preview {
    pub to: String,
    /// The subject as composed (with the session's title).
    pub subject: String,
    /// The subject as the organiser typed it, to send.
    pub typed_subject: String,
    pub body: String,
    /// The HTML part's body, as a mail client shows it (our own template's
    /// output: the typed words in it are escaped).
    pub html: String,
    pub recipients: usize,
    pub audience: String,
    pub message: String,
    /// Placeholders that do not exist, in the reader's words.
    pub error: Option<String>,
}

/// A message sent to a session's registrants, from its audit log.
pub struct Sent {
    pub at: String,
    pub who: String,
    pub subject: String,
    pub recipients: usize,
    /// Which registrants ("" = everyone who holds or awaits a place).
    pub to: String,
}

/// The messages sent for a session, newest first.
pub fn sent(log: &[crate::db::audit::Entry]) -> Vec<Sent> {
    log.iter()
        .filter(|e| e.action == "session.email")
        .map(|e| {
            let what: serde_json::Value = serde_json::from_str(&e.after).unwrap_or_default();
            Sent {
                at: e.at.format("%Y-%m-%d %H:%M UTC").to_string(),
                who: e.actor.clone(),
                subject: what["subject"].as_str().unwrap_or_default().to_string(),
                recipients: what["recipients"].as_u64().unwrap_or(0) as usize,
                to: what["to"].as_str().unwrap_or_default().to_string(),
            }
        })
        .collect()
}

/// The inside of an HTML email's `<body>`.
fn body_of(html: &str) -> String {
    let start = html.find("<body").and_then(|i| html[i..].find('>').map(|j| i + j + 1)).unwrap_or(0);
    let end = html.rfind("</body>").unwrap_or(html.len());
    html.get(start..end).unwrap_or_default().to_string()
}

impl Preview {
    pub fn message_subject(&self) -> &str {
        &self.typed_subject
    }
}

fn ids(form: &Fields) -> Vec<RegistrationId> {
    form.all("ids").iter().filter_map(|i| i.parse().ok()).take(1000).collect()
}

/// Back to the session's page, saying what happened (signed: see [`super::notice_query`]).
pub fn back(state: &State, id: SessionId, done: Message) -> HttpResponse {
    back_to(state, id, done, "registrations")
}

/// Back to a part (`anchor`) of the session's page, saying what happened.
pub fn back_to(state: &State, id: SessionId, done: Message, anchor: &str) -> HttpResponse {
    let q = super::notice_query(state, &done);
    crate::web::see_other(&format!("/admin/sessions/{id}?{q}#{anchor}"))
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

/// What a bulk action does to each chosen registration.
#[derive(Clone, Copy)]
enum Bulk {
    /// Attendance marked, or unmarked (None).
    Mark(Option<Attendance>),
    Approve,
    Reject,
    Cancel,
    Promote,
    /// Into another session this person may manage, then out of this one.
    Move(SessionId),
}

impl Bulk {
    /// The action the form asked for (None: none chosen); a move needs
    /// its target session.
    fn from_form(form: &Fields) -> Result<Option<Self>, AppError> {
        Ok(Some(match form.get("action").as_str() {
            "unmarked" => Bulk::Mark(None),
            "approve" => Bulk::Approve,
            "reject" => Bulk::Reject,
            "cancel" => Bulk::Cancel,
            "promote" => Bulk::Promote,
            "move" => Bulk::Move(
                form.get("target")
                    .parse()
                    .map_err(|_| AppError::BadRequest("Give the number of the session to move them to.".into()))?,
            ),
            other => match Attendance::parse(other) {
                Some(mark) => Bulk::Mark(Some(mark)),
                None => return Ok(None),
            },
        }))
    }
}

async fn bulk(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let lang = crate::web::public::language(&req);
    let session_id = load(&state, &staff, *id).await?.id();
    let chosen = ids(&form);
    if chosen.is_empty() {
        return Ok(back(&state, session_id, Message::id("ws-done-choose")));
    }
    let Some(action) = Bulk::from_form(&form)? else {
        return Ok(back(&state, session_id, Message::id("ws-done-choose-action")));
    };
    if let Bulk::Move(target) = action {
        // The target session must be one this person may manage too.
        load(&state, &staff, target).await?;
    }
    let (notifier, actor, keys, reference) =
        (state.composer.clone(), staff.actor(), state.keys.clone(), state.reference());
    let summary = blocking(&state.pool, move |conn| {
        let rows: Vec<Registration> =
            store::for_session(conn, session_id)?.into_iter().filter(|r| chosen.contains(&r.id)).collect();
        if let Bulk::Mark(mark) = action {
            let ids: Vec<RegistrationId> = rows.iter().map(|r| r.id).collect();
            let n = store::set_attendance(conn, session_id, &ids, mark.map(Attendance::as_str), &actor)?;
            return Ok::<_, PageError>(Message::new("ws-done-marked", vec![("count", n.into())]));
        }
        let (mut done, mut failed) = (0, Vec::new());
        for r in &rows {
            match on_one(conn, action, r, &keys, &reference, &notifier, &actor).map_err(AppError::from) {
                Ok(()) => done += 1,
                // Said in the organiser's language: the notice carries it as text.
                Err(e @ (AppError::Conflict(_) | AppError::Forbidden(_) | AppError::Validation(_))) => {
                    failed.push(format!("{}{} {}", r.name, crate::i18n::t(lang, "colon"), e.reason_in(lang)))
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok(bulk_summary(done, &failed))
    })
    .await?;
    state.mail_queued();
    Ok(back(&state, session_id, summary))
}

/// A bulk action on one registration, in its own transaction: a refusal
/// (full, not eligible) skips that person and the others go on.
fn on_one(
    conn: &mut crate::db::DbConn,
    action: Bulk,
    r: &Registration,
    keys: &crate::domain::secret::Keys,
    reference: &Reference,
    notifier: &dyn crate::db::notify::Notifier,
    actor: &str,
) -> Result<(), crate::registrations::RegistrationError> {
    use crate::registrations as app;
    match action {
        Bulk::Mark(_) => Ok(()),
        Bulk::Approve => app::approve(conn, r.id, notifier, actor).map(drop),
        Bulk::Reject => app::reject(conn, r.id, notifier, actor).map(drop),
        Bulk::Cancel => app::cancel_by_organiser(conn, r.id, notifier, actor).map(drop),
        Bulk::Promote => app::promote_one(conn, r.id, notifier, actor).map(drop),
        // Into the other session first: if that fails, nothing changed.
        Bulk::Move(t) => app::register(conn, keys, reference, t, as_input(r), crate::db::now(), notifier)
            .and_then(|_| app::cancel_by_organiser(conn, r.id, notifier, actor).map(drop)),
    }
}

fn bulk_summary(done: usize, failed: &[String]) -> Message {
    if failed.is_empty() {
        Message::new("ws-done-bulk", vec![("done", done.into())])
    } else {
        Message::new("ws-done-bulk-failed", vec![("done", done.into()), ("failed", failed.join("; ").into())])
    }
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

/// An organiser's email to a session's registrants, as typed.
struct Letter {
    subject: String,
    message: String,
    /// Which registrants: a status, or all active ones.
    to: String,
}

impl Letter {
    /// None when the subject or message is empty. Control characters go
    /// (the subject reaches a header); line breaks stay in the message.
    fn from_form(form: &Fields) -> Option<Self> {
        let subject: String = form.get("subject").chars().filter(|c| !c.is_control()).take(150).collect();
        let message: String = form
            .get("message")
            .replace("\r\n", "\n")
            .chars()
            .filter(|c| *c == '\n' || !c.is_control())
            .take(10_000)
            .collect();
        (!subject.is_empty() && !message.trim().is_empty()).then(|| Letter { subject, message, to: form.get("to") })
    }
}

impl Preview {
    /// The first recipient's email, not yet queued.
    fn of(
        state: &State,
        session: &crate::db::sessions::Session,
        first: &Registration,
        recipients: usize,
        letter: Letter,
    ) -> Result<Self, PageError> {
        let composed = state.composer.organiser_message(session, first, &letter.subject, &letter.message)?;
        Ok(Preview {
            to: first.email.clone(),
            subject: composed.subject,
            typed_subject: letter.subject,
            body: composed.body_text,
            html: body_of(&composed.body_html),
            recipients,
            audience: letter.to,
            message: letter.message,
            error: None,
        })
    }

    /// The form again with what was typed and why it cannot go.
    fn refused(letter: Letter, error: String) -> Self {
        Preview {
            to: String::new(),
            subject: String::new(),
            typed_subject: letter.subject,
            body: String::new(),
            html: String::new(),
            recipients: 0,
            audience: letter.to,
            message: letter.message,
            error: Some(error),
        }
    }
}

async fn email(
    req: HttpRequest,
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let session = load(&state, &staff, *id).await?;
    let session_id = session.id();
    let Some(letter) = Letter::from_form(&form) else {
        return Ok(back(&state, session_id, Message::id("ws-done-write")));
    };
    if let Err(errors) = crate::domain::letter::check(&letter.subject, &letter.message) {
        let lang = crate::web::public::language(&req);
        let said = errors.0.values().map(|m| m.in_lang(lang)).collect::<Vec<_>>().join(" ");
        let refused = Preview::refused(letter, said);
        let mut res = super::sessions::render_with_preview(req, state, staff, session_id, refused).await?;
        *res.status_mut() = actix_web::http::StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(res);
    }
    let list = blocking(&state.pool, move |conn| Ok::<_, PageError>(store::for_session(conn, session_id)?)).await?;
    let people = audience(list, &letter.to);
    let Some(first) = people.first() else {
        return Ok(back(&state, session_id, Message::id("ws-done-nobody")));
    };
    if form.get("send") != "yes" {
        let preview = Preview::of(&state, &session, first, people.len(), letter)?;
        return super::sessions::render_with_preview(req, state, staff, session_id, preview).await;
    }
    let (composer, actor, count) = (state.composer.clone(), staff.actor(), people.len());
    blocking(&state.pool, move |conn| {
        crate::db::write_transaction(conn, |conn| {
            for r in &people {
                composer.send_organiser_message(conn, &session, r, &letter.subject, &letter.message)?;
            }
            let what = serde_json::json!({"subject": letter.subject, "recipients": count, "to": letter.to});
            crate::db::audit::record(
                conn,
                &actor,
                "session.email",
                Some(session_id),
                None,
                &serde_json::Value::Null,
                &what,
            )?;
            Ok::<_, AppError>(())
        })
    })
    .await?;
    state.mail_queued();
    Ok(back(&state, session_id, Message::new("ws-done-queued", vec![("count", count.into())])))
}
