//! `/admin/sessions` and `/admin/sessions/{id}`: sessions with their
//! figures, and one session's registrations.

use super::Staff;
use crate::db::ids::{RegistrationId, SessionId};
use crate::db::models::Registration;
use crate::db::reference::Reference;
use crate::db::registrations as registration_store;
use crate::db::sessions::{self as session_store, SessionFilter};
use crate::domain::lang::Lang;
use crate::domain::message::Message;
use crate::domain::registration::RegistrationStatus;
use crate::domain::session::SessionStatus;
use crate::domain::slot::SlotView;
use crate::error::AppError;
use crate::web::PageError;
use crate::web::pager;
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{State, blocking, csrf};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/sessions", web::get().to(list)).route("/sessions/{id}", web::get().to(show));
}

pub struct Row {
    pub id: SessionId,
    pub title: String,
    pub status: String,
    pub when: String,
    pub confirmed: usize,
    pub capacity: String,
    pub waiting: usize,
    pub pending: usize,
}

#[derive(Template)]
#[template(path = "admin/sessions.html")]
struct ListPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    /// `?held=1`: only the sessions that have ended, a page at a time.
    held_only: bool,
    upcoming: Vec<Row>,
    /// Latest first: the one just held is the one looked for.
    past: Vec<Row>,
    /// Links to the listed section's earlier and later pages.
    earlier_link: Option<String>,
    later_link: Option<String>,
    /// From the front page's few held sessions to all of them.
    more_held_link: Option<String>,
    notice: Option<Message>,
}

impl ListPage {
    fn sections(&self) -> Vec<(&'static str, &Vec<Row>)> {
        if self.held_only {
            vec![("past", &self.past)]
        } else {
            vec![("upcoming", &self.upcoming), ("past", &self.past)]
        }
    }
}

/// Sessions to come a page at a time.
const PER_PAGE: i64 = 50;
/// Held sessions shown below the ones to come.
const HELD_ON_FRONT: i64 = 10;

/// The status as organisers read it: a published session that has ended
/// has been "held" (it can no longer be cancelled or moved).
pub fn shown_status(s: &session_store::Session) -> &'static str {
    if s.status() == SessionStatus::Published && crate::domain::session::has_ended(s.ends_at(), chrono::Utc::now()) {
        "held"
    } else {
        s.row.status.as_str()
    }
}

fn counts(list: &[Registration]) -> (usize, usize, usize) {
    let n = |s: RegistrationStatus| list.iter().filter(|r| r.status() == s).count();
    (n(RegistrationStatus::Confirmed), n(RegistrationStatus::Waitlisted), n(RegistrationStatus::PendingApproval))
}

/// Sessions to come (and drafts) a page at a time, then the last few held;
/// `?held=1` pages through the held ones. Pages are keyed by a session
/// (`?after=ID`, `?before=ID`), so a far page costs what the first does.
async fn list(
    req: HttpRequest,
    state: State,
    user: Staff,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let query = query.into_inner();
    let viewer = Viewer::from_request(&req, &query, crate::domain::zone::TimeZone::utc());
    let zone = viewer.zone.clone();
    let held_only = query.get("held").is_some_and(|v| v == "1");
    let asked = pager::Asked::from_query(&query);
    let staff = user.clone();
    let (upcoming, past, (more_before, more_after), last_held) = blocking(&state.pool, move |conn| {
        let now = crate::db::now();
        let cursor = asked.map(|a| a.place(conn)).transpose()?.flatten();
        let base = SessionFilter {
            statuses: SessionStatus::ALL.to_vec(),
            organised_by: (!staff.admin).then(|| staff.regions.clone()),
            ..SessionFilter::default()
        };
        let held = SessionFilter { ends_before: Some(now), newest_first: true, ..base.clone() };
        let (mut listed, mut past_front) = if held_only {
            (session_store::list(conn, &SessionFilter { cursor, limit: PER_PAGE + 1, ..held })?, Vec::new())
        } else {
            let upcoming = SessionFilter { ends_after: Some(now), cursor, limit: PER_PAGE + 1, ..base };
            (
                session_store::list(conn, &upcoming)?,
                session_store::list(conn, &SessionFilter { limit: HELD_ON_FRONT + 1, ..held })?,
            )
        };
        let more = pager::trim(&mut listed, cursor, PER_PAGE as usize);
        // The front page's held sessions: the last few, then a link to all.
        let last_held = (past_front.len() as i64 > HELD_ON_FRONT).then(|| {
            past_front.truncate(HELD_ON_FRONT as usize);
            past_front.last().map(|s| s.id())
        });
        let ids: Vec<SessionId> = listed.iter().chain(past_front.iter()).map(|s| s.id()).collect();
        let counts = registration_store::status_counts(conn, &ids)?;
        let row = |s: &session_store::Session| {
            let c = counts.get(&s.id()).copied().unwrap_or_default();
            Row {
                id: s.id(),
                title: s.row.title.clone(),
                status: shown_status(s).into(),
                when: SlotView::new(s.starts_at(), s.ends_at(), &zone, &s.zone()).line(),
                confirmed: c.confirmed,
                capacity: s.row.capacity.map(|c| c.to_string()).unwrap_or_else(|| "∞".into()),
                waiting: c.waiting,
                pending: c.pending,
            }
        };
        let listed: Vec<Row> = listed.iter().map(row).collect();
        let front: Vec<Row> = past_front.iter().map(row).collect();
        let (upcoming, past) = if held_only { (Vec::new(), listed) } else { (listed, front) };
        Ok::<_, PageError>((upcoming, past, more, last_held.flatten()))
    })
    .await?;
    let listed = if held_only { &past } else { &upcoming };
    let link = |side: &str, id: SessionId| {
        format!("/admin/sessions?{}{side}={}", if held_only { "held=1&" } else { "" }, id.0)
    };
    let (first, last) = (listed.first().map(|r| r.id), listed.last().map(|r| r.id));
    // Held sessions read latest first, so there "earlier" is forward.
    let (back, forward) = (more_before.then_some(first).flatten(), more_after.then_some(last).flatten());
    let (earlier_link, later_link) = if held_only {
        (forward.map(|id| link("after", id)), back.map(|id| link("before", id)))
    } else {
        (back.map(|id| link("before", id)), forward.map(|id| link("after", id)))
    };
    let token = csrf::token(&req)?;
    let page = ListPage {
        chrome: Chrome::new(&viewer, &state.reference(), &query),
        csrf: token.value.clone(),
        email: user.email,
        held_only,
        upcoming,
        past,
        earlier_link,
        later_link,
        more_held_link: last_held.map(|id| format!("/admin/sessions?held=1&after={}", id.0)),
        notice: super::notice_from(&state, &query),
    };
    render_status(&page, StatusCode::OK, [viewer.cookie(), token.cookie])
}

pub struct Person {
    pub id: RegistrationId,
    /// `attended`, `no_show` or empty.
    pub attendance: &'static str,
    pub status: String,
    pub position: Option<usize>,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub country: String,
    pub role: String,
    pub time_zone: String,
    pub registered: String,
    /// Answers to the questions the table shows, in their order.
    pub answers: Vec<String>,
}

#[derive(Template)]
#[template(path = "admin/session.html")]
struct SessionPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    id: SessionId,
    title: String,
    status: String,
    when: String,
    /// The series it is a date of: its workspace page.
    series: Option<crate::db::ids::SeriesId>,
    confirmed: usize,
    capacity: String,
    waiting: usize,
    pending: usize,
    /// Nominees yet to answer: they hold places too.
    nominated: usize,
    people: Vec<Person>,
    changes: Vec<super::audit::Change>,
    /// Messages sent to its registrants.
    sent: Vec<super::registrations::Sent>,
    filters: super::registrations::Filters,
    figures: super::registrations::Figures,
    statuses: Vec<(&'static str, &'static str)>,
    reference: std::sync::Arc<crate::db::reference::Reference>,
    /// Set after a bulk action or an email: what happened.
    notice: Option<Message>,
    /// The email being previewed, as its first recipient would read it.
    preview: Option<super::registrations::Preview>,
    /// For a session that goes through focal points: its countries.
    countries: Option<super::nominations::OrganisersTable>,
    roles: Vec<(&'static str, String)>,
    /// For a session that has been held: its certificates of attendance.
    certificates: Option<super::certificates::Panel>,
    /// Its feedback form (or the default one to start from) and how it went.
    feedback: super::feedback::Panel,
    /// Links and files shared about it.
    materials: Vec<crate::web::materials::MaterialLine>,
    /// The largest upload, for the form's hint ("25 MB").
    max_upload: String,
    /// Every question (key, label, whether its answers are shown).
    columns: Vec<(String, String, bool)>,
    /// The labels of the questions whose answers the table shows.
    shown: Vec<String>,
    hybrid: bool,
}

impl SessionPage {
    /// What was typed in the email form (after a preview or a refusal).
    fn typed(&self, field: &str) -> &str {
        match (&self.preview, field) {
            (Some(p), "to") => &p.audience,
            (Some(p), "subject") => &p.typed_subject,
            (Some(p), "message") => &p.message,
            _ => "",
        }
    }

    /// "3 confirmed of 40 · 1 waiting · 0 pending approval"
    fn counts_line(&self) -> String {
        crate::i18n::message(
            self.chrome.lang,
            "ws-counts",
            &[
                ("confirmed", self.confirmed.into()),
                ("capacity", self.capacity.as_str().into()),
                ("waiting", self.waiting.into()),
                ("pending", self.pending.into()),
                ("nominated", self.nominated.into()),
            ],
        )
    }
}

async fn show(
    req: HttpRequest,
    state: State,
    user: Staff,
    id: web::Path<SessionId>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let id = id.into_inner();
    page(&req, &state, user, id, query.into_inner(), None).await
}

/// The session's page with an email preview in place of its form.
pub async fn render_with_preview(
    req: HttpRequest,
    state: State,
    user: super::Staff,
    id: SessionId,
    preview: super::registrations::Preview,
) -> Result<HttpResponse, PageError> {
    page(&req, &state, user, id, HashMap::new(), Some(preview)).await
}

async fn page(
    req: &HttpRequest,
    state: &State,
    user: super::Staff,
    id: SessionId,
    query: HashMap<String, String>,
    preview: Option<super::registrations::Preview>,
) -> Result<HttpResponse, PageError> {
    let staff = user.clone();
    let (session, list, log, focal_points, certificates, materials, feedback) = blocking(&state.pool, move |conn| {
        let s = session_store::find(conn, id)?.ok_or(AppError::NotFound)?;
        staff.require_session(s.row.organising_region_id)?;
        let list = registration_store::for_session(conn, id)?;
        let log = crate::db::audit::for_session(conn, id, 200)?;
        let focal_points = super::nominations::focal_points_for(conn, &s)?;
        let certificates =
            (shown_status(&s) == "held").then(|| crate::db::certificates::for_session(conn, id)).transpose()?;
        let materials = crate::db::materials::for_session(conn, id)?;
        let requests = crate::db::feedback::requests_for(conn, id)?;
        let answered = requests.iter().filter(|q| q.answered_at.is_some()).count();
        let feedback = (crate::db::feedback::form(conn, id)?, requests.len(), answered);
        Ok::<_, PageError>((s, list, log, focal_points, certificates, materials, feedback))
    })
    .await?;
    let reference = state.reference();
    let viewer = Viewer::from_request(req, &query, session.zone());
    let (confirmed, waiting, pending) = counts(&list);
    let filters = super::registrations::Filters::from_query(&query);
    let questions = session.questions();
    let shown: Vec<crate::domain::questions::Question> =
        questions.iter().filter(|q| filters.cols.contains(&q.key)).cloned().collect();
    let people = people(&list, &reference, viewer.lang, &filters, &shown);
    let token = csrf::token(req)?;
    let chrome = Chrome::new(&viewer, &reference, &query);
    let page = SessionPage {
        countries: focal_points
            .map(|f| super::nominations::OrganisersTable::new(&chrome, &session, &list, &reference, &f)),
        figures: super::registrations::Figures::new(&list, &reference, viewer.lang),
        roles: super::nominations::roles(chrome.lang),
        certificates: certificates.map(|c| super::certificates::Panel::new(&c, &state.issuer(), chrome.lang)),
        feedback: super::feedback::Panel::new(
            feedback.0,
            (feedback.1, feedback.2),
            session.ends_at() < chrono::Utc::now() - chrono::Duration::days(crate::domain::feedback::SEND_WITHIN_DAYS),
            chrome.lang,
            crate::domain::lang::Lang::parse(&session.row.language).unwrap_or_default(),
        ),
        materials: crate::web::materials::lines(
            &materials,
            &format!("/admin/sessions/{id}/materials"),
            chrome.lang,
            |_| true,
        ),
        max_upload: crate::domain::material::size_label(state.settings.max_upload_bytes as i64),
        columns: questions.iter().map(|q| (q.key.clone(), q.label.clone(), filters.cols.contains(&q.key))).collect(),
        shown: shown.iter().map(|q| q.label.clone()).collect(),
        hybrid: session.format() == crate::domain::session::SessionFormat::Hybrid,
        chrome,
        csrf: token.value.clone(),
        email: user.email,
        id,
        title: session.row.title.clone(),
        status: shown_status(&session).into(),
        when: SlotView::new(session.starts_at(), session.ends_at(), &viewer.zone, &session.zone()).line(),
        series: session.row.series_id,
        confirmed,
        capacity: session.row.capacity.map(|c| c.to_string()).unwrap_or_else(|| "∞".into()),
        waiting,
        pending,
        nominated: list.iter().filter(|r| r.status() == RegistrationStatus::Nominated).count(),
        people,
        changes: super::audit::rows(&log),
        sent: super::registrations::sent(&log),
        filters,
        statuses: super::registrations::STATUSES.to_vec(),
        reference: reference.clone(),
        notice: super::notice_from(state, &query),
        preview,
    };
    render_status(&page, StatusCode::OK, [viewer.cookie(), token.cookie])
}

/// The registrations table's rows, in the viewer's language.
fn people(
    list: &[Registration],
    reference: &Reference,
    lang: Lang,
    filters: &super::registrations::Filters,
    shown: &[crate::domain::questions::Question],
) -> Vec<Person> {
    let mut position = 0;
    // A few statuses, roles and countries repeat over thousands of rows:
    // each is put into words once.
    let mut words: HashMap<(u8, String), String> = HashMap::new();
    let mut word = |kind: u8, key: &str, make: &dyn Fn() -> String| -> String {
        words.entry((kind, key.to_string())).or_insert_with(make).clone()
    };
    list.iter()
        .map(|r| {
            let p = Person {
                id: r.id,
                attendance: r.attendance.as_str(),
                status: word(0, r.status().as_str(), &|| r.status().label_in(lang)),
                position: (r.status() == RegistrationStatus::Waitlisted).then(|| {
                    position += 1;
                    position
                }),
                name: r.name.clone(),
                email: r.email.clone(),
                organisation: r.organisation.clone(),
                country: word(1, &r.country_iso2, &|| {
                    reference
                        .country(&r.country_iso2)
                        .map(|c| c.name_in(lang))
                        .unwrap_or_else(|| r.country_iso2.clone())
                }),
                role: word(2, r.role.as_str(), &|| crate::i18n::t(lang, &format!("role-{}", r.role.as_str()))),
                time_zone: r.time_zone.clone(),
                registered: r.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                answers: {
                    let given = crate::domain::questions::stored_answers(&r.answers);
                    shown.iter().map(|q| crate::domain::questions::answer_text(given.get(&q.key), lang)).collect()
                },
            };
            (r, p)
        })
        // Waiting-list positions count everyone; the filter only hides rows.
        .filter(|(r, _)| filters.keeps(r, reference))
        .map(|(_, p)| p)
        .collect()
}
