//! The National Focal Point's workspace, `/admin/nominations`: the
//! sessions open to their countries with each country's places (held
//! against the quota) and deadline in the focal point's own zone, their
//! people and each one's status; nominating one person or several pasted
//! from a spreadsheet (previewed first), replacing and withdrawing a
//! nominee, endorsing; and a page per country with its year. Every change
//! goes through `registrations::nominations`, as the API's do.

use super::Staff;
use crate::db::ids::{RegistrationId, SessionId};
use crate::db::models::Registration;
use crate::db::reference::Reference;
use crate::db::registrations as store;
use crate::db::sessions::{self as session_store, Session, SessionFilter};
use crate::domain::fields::FieldErrors;
use crate::domain::lang::Lang;
use crate::domain::message::Message;
use crate::domain::nomination::{CountryTally, SheetError, read_sheet};
use crate::domain::registration::{NominationInput, ParticipantRole, RegistrationStatus};
use crate::domain::session::{Participation, SessionStatus};
use crate::domain::slot::SlotView;
use crate::domain::zone::TimeZone;
use crate::error::AppError;
use crate::registrations::RegistrationError;
use crate::registrations::nominations::{self, Nominator};
use crate::web::csrf::{self, CsrfForm, Fields};
use crate::web::public::{Chrome, Viewer, render_status};
use crate::web::{PageError, State, blocking};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/nominations", web::get().to(list))
        .route("/nominations/country/{iso2}", web::get().to(country))
        .route("/nominations/registrations/{id}/withdraw", web::post().to(withdraw))
        .route("/nominations/registrations/{id}/endorse", web::post().to(endorse))
        .route("/nominations/registrations/{id}/decline", web::post().to(decline))
        .route("/nominations/registrations/{id}/replace", web::get().to(replace_form))
        .route("/nominations/registrations/{id}/replace", web::post().to(replace))
        .route("/nominations/{id}", web::get().to(show))
        .route("/nominations/{id}", web::post().to(nominate))
        .route("/nominations/{id}/sheet", web::post().to(sheet))
        .route("/sessions/{id}/focal-points", web::post().to(message_silent));
}

/// A signed-in National Focal Point: anyone else signed in is told that
/// these pages are the focal points' (organisers read nominations on each
/// session's own page).
pub struct FocalPoint(pub Staff);

impl actix_web::FromRequest for FocalPoint {
    type Error = PageError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, PageError>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let staff = super::signed_in_or_refused(&req).await?;
            if !staff.focal_point {
                return Err(AppError::Forbidden(Message::id("fp-only-focal-points")).into());
            }
            Ok(FocalPoint(staff))
        })
    }
}

impl FocalPoint {
    /// Their zone unless they chose another: their first country's first.
    fn viewer(&self, req: &HttpRequest, query: &HashMap<String, String>, reference: &Reference) -> Viewer {
        let zone = self
            .0
            .countries
            .first()
            .and_then(|c| reference.zones_of(c).first())
            .and_then(|z| TimeZone::parse(z).ok())
            .unwrap_or_else(TimeZone::utc);
        Viewer::from_request(req, query, zone)
    }
}

/// An instant as the reader's local date and time with its offset.
fn local(zone: &TimeZone, at: chrono::NaiveDateTime) -> String {
    let local = zone.at(at.and_utc());
    format!("{} ({})", local.local.format("%Y-%m-%d %H:%M"), local.offset_label())
}

/// "Philippines: 2 of 3 places" (or "2 places held" without a quota).
fn places(chrome: &Chrome, name: &str, tally: &CountryTally, quota: Option<i32>) -> String {
    match quota {
        Some(q) => chrome.t3("fp-places-of", "country", name, "held", tally.held, "quota", q),
        None => chrome.t2("fp-places-held", "country", name, "held", tally.held),
    }
}

/// One country's line on a session: its quota and what became of its people.
pub struct CountryLine {
    pub iso2: String,
    pub name: String,
    /// "3", or "—" without a quota.
    pub quota: String,
    pub tally: CountryTally,
    pub places: String,
}

/// Each of `countries` the session admits, with its tally.
fn country_lines(
    chrome: &Chrome,
    session: &Session,
    list: &[Registration],
    countries: &[String],
    reference: &Reference,
) -> Vec<CountryLine> {
    let now = crate::db::now();
    countries
        .iter()
        .filter(|c| session.admits(reference, c))
        .map(|iso2| {
            let mut tally = CountryTally::default();
            for r in list.iter().filter(|r| &r.country_iso2 == iso2) {
                tally.add(r.status(), !r.nominated_by.is_empty(), r.attendance.attended());
            }
            let name = reference.country(iso2).map(|c| c.name_in(chrome.lang)).unwrap_or_else(|| iso2.clone());
            let quota = session.quota_for(iso2, now);
            CountryLine {
                places: places(chrome, &name, &tally, quota),
                quota: quota.map(|q| q.to_string()).unwrap_or_else(|| "—".into()),
                iso2: iso2.clone(),
                name,
                tally,
            }
        })
        .collect()
}

/// How places in a session are given, in the reader's words.
fn how(session: &Session, lang: Lang) -> String {
    crate::i18n::t(lang, &format!("participation-{}", session.row.participation.as_str()))
}

pub struct SessionLine {
    pub id: SessionId,
    pub title: String,
    pub when: String,
    pub how: String,
    pub places: Vec<String>,
    pub deadline: Option<String>,
    /// "2 nominated · 1 accepted"
    pub people: String,
}

#[derive(Template)]
#[template(path = "admin/nominations.html")]
struct ListPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    countries: Vec<(String, String)>,
    sessions: Vec<SessionLine>,
}

/// The upcoming published sessions open to any of these countries, in
/// the order they start.
fn open_to_countries(conn: &mut crate::db::DbConn, countries: &[String]) -> Result<Vec<Session>, PageError> {
    let mut found: BTreeMap<(chrono::NaiveDateTime, SessionId), Session> = BTreeMap::new();
    for c in countries {
        let filter = SessionFilter {
            statuses: vec![SessionStatus::Published],
            country: Some(c.clone()),
            ends_after: Some(crate::db::now()),
            limit: 500,
            ..SessionFilter::default()
        };
        for s in session_store::list(conn, &filter)? {
            found.insert((s.row.starts_at, s.id()), s);
        }
    }
    Ok(found.into_values().collect())
}

async fn list(
    req: HttpRequest,
    state: State,
    focal: FocalPoint,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let query = query.into_inner();
    let reference = state.reference();
    let viewer = focal.viewer(&req, &query, &reference);
    let countries = focal.0.countries.clone();
    let found = blocking(&state.pool, move |conn| {
        let mut found = Vec::new();
        for s in open_to_countries(conn, &countries)? {
            let list = store::of_countries(conn, s.id(), &countries)?;
            found.push((s, list));
        }
        Ok::<_, PageError>(found)
    })
    .await?;
    let chrome = Chrome::new(&viewer, &reference, &query);
    let sessions = found
        .iter()
        .map(|(s, list)| {
            let lines = country_lines(&chrome, s, list, &focal.0.countries, &reference);
            let nominated: usize = lines.iter().map(|l| l.tally.nominated).sum();
            let accepted: usize = lines.iter().map(|l| l.tally.accepted).sum();
            let waiting: usize = lines.iter().map(|l| l.tally.awaiting_endorsement).sum();
            SessionLine {
                id: s.id(),
                title: s.row.title.clone(),
                when: SlotView::new_in(chrome.lang, s.starts_at(), s.ends_at(), &viewer.zone, &s.zone()).line(),
                how: how(s, chrome.lang),
                places: lines.into_iter().map(|l| l.places).collect(),
                deadline: s.row.nominations_close_at.map(|c| local(&viewer.zone, c)),
                people: chrome.t3("fp-people", "nominated", nominated, "accepted", accepted, "endorse", waiting),
            }
        })
        .collect();
    let token = csrf::token(&req)?;
    let page = ListPage {
        countries: names(&focal.0.countries, &reference, chrome.lang),
        chrome,
        csrf: token.value.clone(),
        email: focal.0.email.clone(),
        sessions,
    };
    render_status(&page, StatusCode::OK, [viewer.cookie(), token.cookie])
}

/// (ISO2, name in the reader's language) for each country.
fn names(countries: &[String], reference: &Reference, lang: Lang) -> Vec<(String, String)> {
    countries
        .iter()
        .map(|c| (c.clone(), reference.country(c).map(|x| x.name_in(lang)).unwrap_or_else(|| c.clone())))
        .collect()
}

/// One of the focal point's people on a session's page, with what may be
/// done about them now.
pub struct PersonLine {
    pub id: RegistrationId,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub country: String,
    pub role: String,
    pub status: String,
    /// A nomination that stands: it may be withdrawn.
    pub withdrawable: bool,
    /// A nomination holding a place: it may pass to someone else.
    pub replaceable: bool,
    pub endorsable: bool,
}

fn person_line(r: &Registration, reference: &Reference, lang: Lang) -> PersonLine {
    let nominated = !r.nominated_by.is_empty();
    PersonLine {
        id: r.id,
        name: r.name.clone(),
        email: r.email.clone(),
        organisation: r.organisation.clone(),
        country: reference.country(&r.country_iso2).map(|c| c.name_in(lang)).unwrap_or_else(|| r.country_iso2.clone()),
        role: crate::i18n::t(lang, &format!("role-{}", r.role.as_str())),
        status: r.status().label_in(lang),
        withdrawable: nominated && r.status().is_active(),
        replaceable: nominated && r.status().holds_place(),
        endorsable: r.status() == RegistrationStatus::PendingEndorsement,
    }
}

/// The nomination form as typed, with its errors by control id.
#[derive(Default)]
pub struct NomineeForm {
    pub values: HashMap<String, String>,
    pub errors: BTreeMap<String, String>,
    /// A refusal that concerns no one field (full, closed, already in).
    pub problem: Option<String>,
}

impl NomineeForm {
    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map(String::as_str).unwrap_or_default()
    }

    /// A fresh form writes to the nominee in the page's language.
    fn with_language(mut self, lang: Lang) -> Self {
        self.values.entry("language".into()).or_insert_with(|| lang.tag().into());
        self
    }

    fn failed(values: HashMap<String, String>, e: &RegistrationError, lang: Lang) -> Self {
        let (errors, problem) = match e {
            RegistrationError::Invalid(errors) => (field_errors(errors, lang), None),
            RegistrationError::Refused(m) | RegistrationError::Conflict(m) => (BTreeMap::new(), Some(m.in_lang(lang))),
            other => (BTreeMap::new(), Some(other.to_string())),
        };
        NomineeForm { values, errors, problem }
    }
}

/// The roles a nominee may come as, in the reader's words.
pub fn roles(lang: Lang) -> Vec<(&'static str, String)> {
    ParticipantRole::EVERY.iter().map(|r| (r.as_str(), crate::i18n::t(lang, &format!("role-{}", r.as_str())))).collect()
}

/// The languages a nominee's emails may be written in, each named in itself.
fn languages() -> Vec<(&'static str, &'static str)> {
    Lang::ALL.iter().map(|l| (l.tag(), l.name())).collect()
}

fn field_errors(errors: &FieldErrors, lang: Lang) -> BTreeMap<String, String> {
    errors.0.iter().map(|(f, m)| (format!("n-{f}"), m.in_lang(lang))).collect()
}

/// The fields of a nomination a form may carry.
const FIELDS: [&str; 10] = [
    "name",
    "email",
    "organisation",
    "position",
    "country",
    "role",
    "note",
    "language",
    "attendance",
    "interpretation",
];

/// A nomination form's fields as the API's object, and as typed.
fn nominee_fields(form: &Fields) -> (Map<String, Value>, HashMap<String, String>) {
    let mut object = Map::new();
    let mut values = HashMap::new();
    for f in FIELDS {
        let v = form.get(f);
        if !v.trim().is_empty() {
            object.insert(f.into(), Value::String(v.clone()));
        }
        values.insert(f.to_string(), v);
    }
    (object, values)
}

/// A pasted sheet, read and each row checked as a nomination.
pub struct SheetPreview {
    pub text: String,
    pub rows: Vec<SheetLine>,
    pub ready: usize,
    /// Why the paste could not be read at all.
    pub problem: Option<String>,
    /// After nominating: what happened to each row.
    pub done: bool,
}

pub struct SheetLine {
    pub line: usize,
    pub name: String,
    pub email: String,
    pub country: String,
    pub role: String,
    /// Empty when the row would be nominated (or, once done, was).
    pub problems: String,
}

#[derive(Template)]
#[template(path = "admin/nomination_session.html")]
struct SessionPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    id: SessionId,
    title: String,
    when: String,
    how: String,
    deadline: Option<String>,
    taking: Option<String>,
    lines: Vec<CountryLine>,
    people: Vec<PersonLine>,
    choices: Vec<(String, String)>,
    roles: Vec<(&'static str, String)>,
    languages: Vec<(&'static str, &'static str)>,
    form: NomineeForm,
    sheet: Option<SheetPreview>,
    notice: Option<Message>,
    /// A hybrid session: the nominee comes to the room or online.
    hybrid: bool,
    /// Languages interpreted into (tag, name).
    interpretation: Vec<(String, String)>,
}

impl SessionPage {
    pub fn err(&self, id: &str) -> Option<&str> {
        self.form.errors.get(id).map(String::as_str)
    }
}

/// What a session's page shows besides its facts: a form being corrected,
/// a sheet being previewed.
#[derive(Default)]
struct Extra {
    form: NomineeForm,
    sheet: Option<SheetPreview>,
    status: Option<StatusCode>,
}

/// A session open to one of the focal point's countries, with their
/// people; any other session is not found, as for the API.
fn session_for(
    conn: &mut crate::db::DbConn,
    id: SessionId,
    countries: &[String],
    reference: &Reference,
) -> Result<(Session, Vec<Registration>), PageError> {
    let s = session_store::find(conn, id)?.ok_or(AppError::NotFound)?;
    if s.status() == SessionStatus::Draft || !countries.iter().any(|c| s.admits(reference, c)) {
        return Err(AppError::NotFound.into());
    }
    let list = store::of_countries(conn, id, countries)?;
    Ok((s, list))
}

async fn page(
    req: &HttpRequest,
    state: &State,
    focal: &FocalPoint,
    id: SessionId,
    query: HashMap<String, String>,
    extra: Extra,
) -> Result<HttpResponse, PageError> {
    let reference = state.reference();
    let viewer = focal.viewer(req, &query, &reference);
    let (countries, r2) = (focal.0.countries.clone(), reference.clone());
    let (session, list) = blocking(&state.pool, move |conn| session_for(conn, id, &countries, &r2)).await?;
    let chrome = Chrome::new(&viewer, &reference, &query);
    let lines = country_lines(&chrome, &session, &list, &focal.0.countries, &reference);
    let lang = chrome.lang;
    let taking = session.closed_reason(crate::db::now()).map(|m| m.in_lang(lang)).or_else(|| {
        let close = session.row.nominations_close_at.filter(|c| *c <= crate::db::now())?;
        Some(crate::i18n::message(lang, "nominations-closed", &[("date", local(&viewer.zone, close).into())]))
    });
    let token = csrf::token(req)?;
    let page = SessionPage {
        csrf: token.value.clone(),
        email: focal.0.email.clone(),
        id,
        title: session.row.title.clone(),
        when: SlotView::new_in(lang, session.starts_at(), session.ends_at(), &viewer.zone, &session.zone()).line(),
        how: how(&session, lang),
        deadline: session.row.nominations_close_at.map(|c| local(&viewer.zone, c)),
        taking,
        choices: lines.iter().map(|l| (l.iso2.clone(), l.name.clone())).collect(),
        lines,
        people: list.iter().map(|r| person_line(r, &reference, lang)).collect(),
        roles: roles(lang),
        languages: languages(),
        form: extra.form.with_language(lang),
        sheet: extra.sheet,
        notice: super::notice_from(state, &query),
        hybrid: session.format() == crate::domain::session::SessionFormat::Hybrid,
        interpretation: session
            .interpretation()
            .into_iter()
            .map(|t| (t.clone(), Lang::parse(&t).map(|l| l.name().to_string()).unwrap_or(t)))
            .collect(),
        chrome,
    };
    render_status(&page, extra.status.unwrap_or(StatusCode::OK), [viewer.cookie(), token.cookie])
}

async fn show(
    req: HttpRequest,
    state: State,
    focal: FocalPoint,
    id: web::Path<SessionId>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    page(&req, &state, &focal, id.into_inner(), query.into_inner(), Extra::default()).await
}

/// Back to the session's page, saying what happened.
fn back(state: &State, id: SessionId, done: Message) -> HttpResponse {
    crate::web::see_other(&format!("/admin/nominations/{id}?{}#notice", super::notice_query(state, &done)))
}

/// An error of the application layer that the form shows (the person's
/// mistakes, a refusal, a conflict); anything else stays an error.
fn shown(e: RegistrationError) -> Result<RegistrationError, PageError> {
    match e {
        RegistrationError::Invalid(_) | RegistrationError::Refused(_) | RegistrationError::Conflict(_) => Ok(e),
        other => Err(AppError::from(other).into()),
    }
}

async fn nominate(
    req: HttpRequest,
    state: State,
    focal: FocalPoint,
    id: web::Path<SessionId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let id = id.into_inner();
    let lang = crate::web::public::language(&req);
    let (object, values) = nominee_fields(&form);
    let (keys, reference, notifier) = (state.keys.clone(), state.reference(), state.composer.clone());
    let (access, name) = (focal.0.access(), focal.0.actor());
    let result = blocking(&state.pool, move |conn| {
        let nomination = match NominationInput::parse(&object, lang) {
            (Some(n), _) => n,
            (None, errors) => return Ok(Err(RegistrationError::Invalid(errors))),
        };
        let by = Nominator { access: &access, name: &name, at: crate::db::now() };
        match nominations::nominate(conn, &keys, &reference, id, nomination, &by, &notifier) {
            Ok(done) => Ok(Ok(done.registration.name)),
            Err(e) => shown(e).map(Err),
        }
    })
    .await?;
    match result {
        Ok(name) => {
            state.mail_queued();
            Ok(back(&state, id, Message::new("ws-done-fp-nominated", vec![("name", name.into())])))
        }
        Err(e) => {
            let status = Some(status_of(&e));
            let extra = Extra { form: NomineeForm::failed(values, &e, lang), sheet: None, status };
            page(&req, &state, &focal, id, HashMap::new(), extra).await
        }
    }
}

fn status_of(e: &RegistrationError) -> StatusCode {
    match e {
        RegistrationError::Refused(_) => StatusCode::FORBIDDEN,
        RegistrationError::Conflict(_) => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// Several people pasted from a spreadsheet: without `confirm` each row is
/// checked and shown; with it, each row that reads is nominated in its own
/// transaction (a full quota refuses that row, the others go on), and the
/// page says what happened to each.
async fn sheet(
    req: HttpRequest,
    state: State,
    focal: FocalPoint,
    id: web::Path<SessionId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let id = id.into_inner();
    let lang = crate::web::public::language(&req);
    let text = form.get("sheet");
    let confirm = form.get("confirm") == "yes";
    let default_country = (focal.0.countries.len() == 1).then(|| focal.0.countries[0].clone());
    let (keys, reference, notifier) = (state.keys.clone(), state.reference(), state.composer.clone());
    let (access, name) = (focal.0.access(), focal.0.actor());
    let pasted = text.clone();
    let preview = blocking(&state.pool, move |conn| {
        let rows = match read_sheet(&pasted, default_country.as_deref()) {
            Ok(rows) => rows,
            Err(e) => return Ok::<_, PageError>(SheetPreview::unreadable(pasted, &e, lang)),
        };
        let mut lines = Vec::with_capacity(rows.len());
        for row in rows {
            let problems = match NominationInput::parse(&row.fields, lang) {
                (Some(n), _) if confirm => {
                    let by = Nominator { access: &access, name: &name, at: crate::db::now() };
                    match nominations::nominate(conn, &keys, &reference, id, n, &by, &notifier) {
                        Ok(_) => String::new(),
                        Err(e) => describe(&shown(e)?, lang),
                    }
                }
                (Some(_), _) => String::new(),
                (None, errors) => describe(&RegistrationError::Invalid(errors), lang),
            };
            lines.push(SheetLine::new(row.line, &row.fields, problems));
        }
        Ok(SheetPreview::of(pasted, lines, confirm))
    })
    .await?;
    if confirm {
        state.mail_queued();
    }
    let extra = Extra { form: NomineeForm::default(), sheet: Some(preview), status: None };
    page(&req, &state, &focal, id, HashMap::new(), extra).await
}

/// A refusal or the bad fields, in one line.
fn describe(e: &RegistrationError, lang: Lang) -> String {
    match e {
        RegistrationError::Invalid(errors) => {
            errors.0.iter().map(|(f, m)| format!("{f}: {}", m.in_lang(lang))).collect::<Vec<_>>().join("; ")
        }
        RegistrationError::Refused(m) | RegistrationError::Conflict(m) => m.in_lang(lang),
        other => other.to_string(),
    }
}

impl SheetLine {
    fn new(line: usize, fields: &Map<String, Value>, problems: String) -> Self {
        let cell = |k: &str| fields.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        SheetLine {
            line,
            name: cell("name"),
            email: cell("email"),
            country: cell("country").to_ascii_uppercase(),
            role: fields.get("role").and_then(Value::as_str).unwrap_or("participant").to_string(),
            problems,
        }
    }
}

impl SheetPreview {
    fn of(text: String, rows: Vec<SheetLine>, done: bool) -> Self {
        let ready = rows.iter().filter(|r| r.problems.is_empty()).count();
        SheetPreview { text, rows, ready, problem: None, done }
    }

    fn unreadable(text: String, e: &SheetError, lang: Lang) -> Self {
        let problem = match e {
            SheetError::Empty => crate::i18n::t(lang, "fp-sheet-empty"),
            SheetError::TooMany(n) => crate::i18n::message(lang, "fp-sheet-too-many", &[("max", (*n as i64).into())]),
            SheetError::UnknownColumn(c) => {
                crate::i18n::message(lang, "fp-sheet-unknown-column", &[("column", c.as_str().into())])
            }
            SheetError::Unreadable(why) => {
                crate::i18n::message(lang, "fp-sheet-unreadable", &[("why", why.as_str().into())])
            }
        };
        SheetPreview { text, rows: Vec::new(), ready: 0, problem: Some(problem), done: false }
    }
}

/// The focal point's decision on one of their registrants, back on the
/// session's page with what happened (or why not).
async fn decided(
    req: &HttpRequest,
    state: &State,
    focal: &FocalPoint,
    id: RegistrationId,
    decision: fn(
        &mut crate::db::DbConn,
        RegistrationId,
        &Nominator,
        &dyn crate::db::notify::Notifier,
    ) -> Result<crate::registrations::Outcome, RegistrationError>,
    done: &'static str,
) -> Result<HttpResponse, PageError> {
    let (access, name, notifier) = (focal.0.access(), focal.0.actor(), state.composer.clone());
    let lang = crate::web::public::language(req);
    let (session, message) = blocking(&state.pool, move |conn| {
        let session = store::session_of(conn, id)?.ok_or(AppError::NotFound)?;
        let by = Nominator { access: &access, name: &name, at: crate::db::now() };
        let message = match decision(conn, id, &by, &notifier) {
            Ok(o) => Message::new(done, vec![("name", o.registration.name.into())]),
            // Told in the page's language now: a notice carries only text.
            Err(RegistrationError::Refused(m) | RegistrationError::Conflict(m)) => {
                Message::new("ws-done-fp-not-done", vec![("why", m.in_lang(lang).into())])
            }
            Err(other) => return Err(AppError::from(other).into()),
        };
        Ok::<_, PageError>((session, message))
    })
    .await?;
    state.mail_queued();
    Ok(back(state, session, message))
}

async fn withdraw(
    req: HttpRequest,
    state: State,
    focal: FocalPoint,
    id: web::Path<RegistrationId>,
    _form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    decided(&req, &state, &focal, id.into_inner(), nominations::withdraw, "ws-done-fp-withdrawn").await
}

async fn endorse(
    req: HttpRequest,
    state: State,
    focal: FocalPoint,
    id: web::Path<RegistrationId>,
    _form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    decided(&req, &state, &focal, id.into_inner(), nominations::endorse, "ws-done-fp-endorsed").await
}

async fn decline(
    req: HttpRequest,
    state: State,
    focal: FocalPoint,
    id: web::Path<RegistrationId>,
    _form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    decided(&req, &state, &focal, id.into_inner(), nominations::decline_endorsement, "ws-done-fp-declined").await
}

#[derive(Template)]
#[template(path = "admin/nomination_replace.html")]
struct ReplacePage {
    chrome: Chrome,
    csrf: String,
    email: String,
    session_id: SessionId,
    title: String,
    old: PersonLine,
    /// The replaced nominee's: a replacement takes a place of the same country's.
    country: String,
    roles: Vec<(&'static str, String)>,
    languages: Vec<(&'static str, &'static str)>,
    form: NomineeForm,
}

impl ReplacePage {
    pub fn err(&self, id: &str) -> Option<&str> {
        self.form.errors.get(id).map(String::as_str)
    }
}

/// One of the focal point's nominees and their session; anyone else's is
/// not found.
fn nominee_of(
    conn: &mut crate::db::DbConn,
    id: RegistrationId,
    countries: &[String],
) -> Result<(Session, Registration), PageError> {
    let r = store::find(conn, id)?.filter(|r| countries.contains(&r.country_iso2)).ok_or(AppError::NotFound)?;
    let s = session_store::find(conn, r.session_id)?.ok_or(AppError::NotFound)?;
    Ok((s, r))
}

async fn replace_page(
    req: &HttpRequest,
    state: &State,
    focal: &FocalPoint,
    id: RegistrationId,
    form: NomineeForm,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let reference = state.reference();
    let query = HashMap::new();
    let viewer = focal.viewer(req, &query, &reference);
    let countries = focal.0.countries.clone();
    let (session, old) = blocking(&state.pool, move |conn| nominee_of(conn, id, &countries)).await?;
    let chrome = Chrome::new(&viewer, &reference, &query);
    let token = csrf::token(req)?;
    let lang = chrome.lang;
    let page = ReplacePage {
        csrf: token.value.clone(),
        email: focal.0.email.clone(),
        session_id: session.id(),
        title: session.row.title.clone(),
        old: person_line(&old, &reference, lang),
        country: old.country_iso2.clone(),
        roles: roles(lang),
        languages: languages(),
        form: form.with_language(lang),
        chrome,
    };
    render_status(&page, status, [viewer.cookie(), token.cookie])
}

async fn replace_form(
    req: HttpRequest,
    state: State,
    focal: FocalPoint,
    id: web::Path<RegistrationId>,
) -> Result<HttpResponse, PageError> {
    replace_page(&req, &state, &focal, id.into_inner(), NomineeForm::default(), StatusCode::OK).await
}

async fn replace(
    req: HttpRequest,
    state: State,
    focal: FocalPoint,
    id: web::Path<RegistrationId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let id = id.into_inner();
    let lang = crate::web::public::language(&req);
    let (object, values) = nominee_fields(&form);
    let (keys, reference, notifier) = (state.keys.clone(), state.reference(), state.composer.clone());
    let (access, name, countries) = (focal.0.access(), focal.0.actor(), focal.0.countries.clone());
    let result = blocking(&state.pool, move |conn| {
        let (session, _) = nominee_of(conn, id, &countries)?;
        let nomination = match NominationInput::parse(&object, lang) {
            (Some(n), _) => n,
            (None, errors) => return Ok(Err(RegistrationError::Invalid(errors))),
        };
        let by = Nominator { access: &access, name: &name, at: crate::db::now() };
        match nominations::replace(conn, &keys, &reference, id, nomination, &by, &notifier) {
            Ok(done) => Ok(Ok((session.id(), done.registration.name))),
            Err(e) => shown(e).map(Err),
        }
    })
    .await?;
    match result {
        Ok((session, name)) => {
            state.mail_queued();
            Ok(back(&state, session, Message::new("ws-done-fp-replaced", vec![("name", name.into())])))
        }
        Err(e) => {
            let status = status_of(&e);
            replace_page(&req, &state, &focal, id, NomineeForm::failed(values, &e, lang), status).await
        }
    }
}

/// One session in a country's year.
pub struct YearLine {
    pub id: SessionId,
    pub title: String,
    pub when: String,
    pub tally: CountryTally,
}

#[derive(Template)]
#[template(path = "admin/nomination_country.html")]
struct CountryPage {
    chrome: Chrome,
    csrf: String,
    email: String,
    iso2: String,
    name: String,
    year: i32,
    sessions: Vec<YearLine>,
    total: CountryTally,
}

async fn country(
    req: HttpRequest,
    state: State,
    focal: FocalPoint,
    iso2: web::Path<String>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let iso2 = iso2.into_inner().to_ascii_uppercase();
    if !focal.0.countries.contains(&iso2) {
        return Err(AppError::NotFound.into());
    }
    let query = query.into_inner();
    let year = query.get("year").and_then(|y| y.parse::<i32>().ok()).filter(|y| (2000..=2100).contains(y));
    let year = year.unwrap_or_else(|| chrono::Datelike::year(&crate::db::now()));
    let (from, to) = (year_start(year)?, year_start(year + 1)?);
    let reference = state.reference();
    let viewer = focal.viewer(&req, &query, &reference);
    let code = iso2.clone();
    let (list, sessions) = blocking(&state.pool, move |conn| {
        let list = store::of_country_between(conn, &code, from, to)?;
        let mut ids: Vec<SessionId> = list.iter().map(|r| r.session_id).collect();
        ids.dedup();
        Ok::<_, PageError>((list, session_store::by_ids(conn, &ids)?))
    })
    .await?;
    let chrome = Chrome::new(&viewer, &reference, &query);
    let (lines, total) = year_lines(&chrome, &viewer.zone, &sessions, &list);
    let token = csrf::token(&req)?;
    let page = CountryPage {
        name: reference.country(&iso2).map(|c| c.name_in(chrome.lang)).unwrap_or_else(|| iso2.clone()),
        chrome,
        csrf: token.value.clone(),
        email: focal.0.email.clone(),
        iso2,
        year,
        sessions: lines,
        total,
    };
    render_status(&page, StatusCode::OK, [viewer.cookie(), token.cookie])
}

/// Each session of a country's year with its tally, and the year's total.
fn year_lines(
    chrome: &Chrome,
    zone: &TimeZone,
    sessions: &[Session],
    list: &[Registration],
) -> (Vec<YearLine>, CountryTally) {
    let mut total = CountryTally::default();
    let lines = sessions
        .iter()
        .map(|s| {
            let mut tally = CountryTally::default();
            for r in list.iter().filter(|r| r.session_id == s.id()) {
                tally.add(r.status(), !r.nominated_by.is_empty(), r.attendance.attended());
                total.add(r.status(), !r.nominated_by.is_empty(), r.attendance.attended());
            }
            YearLine {
                id: s.id(),
                title: s.row.title.clone(),
                when: SlotView::new_in(chrome.lang, s.starts_at(), s.ends_at(), zone, &s.zone()).line(),
                tally,
            }
        })
        .collect();
    (lines, total)
}

fn year_start(year: i32) -> Result<chrono::NaiveDateTime, PageError> {
    chrono::NaiveDate::from_ymd_opt(year, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .ok_or_else(|| AppError::NotFound.into())
}

/// A session's countries as its organisers read them (see
/// `admin::sessions`): every country it admits, with its quota, its tally
/// and how many focal points speak for it.
pub struct OrganisersTable {
    pub lines: Vec<(CountryLine, usize)>,
    /// Countries that have put nobody forward and have a focal point.
    pub silent: usize,
    /// Their focal points: who a reminder goes to.
    pub recipients: usize,
}

impl OrganisersTable {
    pub fn new(
        chrome: &Chrome,
        session: &Session,
        list: &[Registration],
        reference: &Reference,
        focal_points: &BTreeMap<String, Vec<String>>,
    ) -> Self {
        let countries: Vec<String> = session.eligible_countries(reference).iter().map(|c| c.iso2.clone()).collect();
        let mut lines: Vec<(CountryLine, usize)> = country_lines(chrome, session, list, &countries, reference)
            .into_iter()
            .map(|l| {
                let n = focal_points.get(&l.iso2).map(Vec::len).unwrap_or(0);
                (l, n)
            })
            .collect();
        // Countries with people first, then by name.
        lines.sort_by(|a, b| b.0.tally.has_anyone().cmp(&a.0.tally.has_anyone()).then(a.0.name.cmp(&b.0.name)));
        let (silent, to) = silent_focal_points(session, list, reference, focal_points);
        OrganisersTable { silent, recipients: to.len(), lines }
    }
}

/// The focal points of the countries a session admits that have put
/// nobody forward yet.
pub fn silent_focal_points(
    session: &Session,
    list: &[Registration],
    reference: &Reference,
    focal_points: &BTreeMap<String, Vec<String>>,
) -> (usize, Vec<String>) {
    let mut countries = 0;
    let mut to = Vec::new();
    for c in session.eligible_countries(reference) {
        let mut tally = CountryTally::default();
        for r in list.iter().filter(|r| r.country_iso2 == c.iso2) {
            tally.add(r.status(), !r.nominated_by.is_empty(), r.attendance.attended());
        }
        if let Some(emails) = focal_points.get(&c.iso2).filter(|_| !tally.has_anyone()) {
            countries += 1;
            to.extend(emails.iter().cloned());
        }
    }
    to.sort();
    to.dedup();
    (countries, to)
}

/// Whether a session goes through focal points: by nomination or
/// endorsement, or with places per country.
pub fn through_focal_points(session: &Session) -> bool {
    session.row.participation != Participation::Open
        || session.row.country_quota.is_some()
        || !session.quotas.is_empty()
}

/// The focal points by country, for a session that goes through them.
pub fn focal_points_for(
    conn: &mut crate::db::DbConn,
    session: &Session,
) -> diesel::QueryResult<Option<BTreeMap<String, Vec<String>>>> {
    if !through_focal_points(session) {
        return Ok(None);
    }
    crate::db::accounts::focal_points_by_country(conn).map(Some)
}

/// An organiser writes to the focal points of the countries that have put
/// nobody forward yet (the form says how many will get it); queued through
/// the outbox in one transaction with its audit row.
pub async fn message_silent(
    state: State,
    staff: Staff,
    id: web::Path<SessionId>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let id = super::edit::load(&state, &staff, id.into_inner()).await?.id();
    let (subject, body) = (form.get("subject").trim().to_string(), form.get("message").trim().to_string());
    if subject.is_empty() || body.is_empty() || subject.chars().count() > 150 || body.chars().count() > 10_000 {
        return Ok(super::registrations::back(&state, id, Message::id("ws-done-focal-message-empty")));
    }
    let (reference, composer, actor) = (state.reference(), state.composer.clone(), staff.actor());
    let (countries, people) = blocking(&state.pool, move |conn| {
        let session = session_store::find(conn, id)?.ok_or(AppError::NotFound)?;
        let list = store::for_session(conn, id)?;
        let focal_points = crate::db::accounts::focal_points_by_country(conn)?;
        let (countries, to) = silent_focal_points(&session, &list, &reference, &focal_points);
        crate::db::write_transaction(conn, |conn| {
            composer.message_focal_points(conn, &session, &to, &subject, &body).map_err(AppError::from)?;
            let what = serde_json::json!({"countries": countries, "recipients": to.len(), "subject": subject});
            crate::db::audit::record(
                conn,
                &actor,
                "session.message-focal-points",
                Some(id),
                None,
                &Value::Null,
                &what,
            )?;
            Ok::<_, AppError>(())
        })?;
        Ok::<_, PageError>((countries, to.len()))
    })
    .await?;
    state.mail_queued();
    let done = Message::new("ws-done-focal-messaged", vec![("people", people.into()), ("countries", countries.into())]);
    Ok(super::registrations::back(&state, id, done))
}
