//! `/registrations/{token}`: a participant's own registration through the
//! secret link: see it, cancel it (with a confirmation step), get the
//! invite and the personal feed, renew the feed link.

use super::feeds::{Subscribe, subscribe};
use super::{Chrome, Viewer, render_status};
use crate::db::ids::SessionId;
use crate::db::models::Registration;
use crate::db::registrations as store;
use crate::db::sessions::{self as session_store, Session};
use crate::domain::lang::Lang;
use crate::domain::message::Message;
use crate::domain::registration::RegistrationStatus;
use crate::domain::session::SessionStatus;
use crate::domain::slot::SlotView;
use crate::domain::zone::TimeZone;
use crate::error::AppError;
use crate::i18n;
use crate::web::PageError;
use crate::web::csrf::CsrfForm;
use crate::web::feeds::FeedPath;
use crate::web::{State, blocking, csrf};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use std::collections::HashMap;

pub fn config(cfg: &mut web::ServiceConfig) {
    // `recover` before `{token}`: routes match in the order given.
    cfg.service(recover_form)
        .service(recover)
        .service(erased_page)
        .service(manage_page)
        .service(cancel_form)
        .service(cancel)
        .service(accept)
        .service(decline)
        .service(renew_feed)
        .service(personal_invite)
        .service(data_export)
        .service(material)
        .service(erase_form)
        .service(erase)
        .service(email_address_link);
}

#[derive(Template)]
#[template(path = "public/manage.html")]
pub struct ManagePage {
    pub chrome: Chrome,
    pub token: String,
    pub notice: Option<String>,
    pub status: &'static str,
    pub status_label: String,
    pub waitlist_position: Option<i64>,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub country: String,
    pub session_id: SessionId,
    pub session_title: String,
    pub session_cancelled: bool,
    pub when_participant: String,
    pub when_session: Option<String>,
    pub join_url: Option<String>,
    pub can_cancel: bool,
    pub feed: Subscribe,
    pub csrf: String,
    /// For a nominee: the acceptance form's zones and errors.
    pub accepting: Accepting,
    /// The session's questions, asked of a nominee when accepting.
    pub questions: Vec<super::register::QuestionView>,
    /// A certificate of attendance to download.
    certificate: bool,
    /// An in-person place: the check-in code and its QR code (SVG markup).
    check_in: Option<(String, String)>,
    /// The session's materials this person may open.
    materials: Vec<crate::web::materials::MaterialLine>,
    /// A confirmed place in a session that goes ahead: "Add to my calendar"
    /// is the first thing offered.
    add_to_calendar: bool,
    /// The registration still holds or awaits a place: an invite is offered
    /// (an ended one offers none; its feed stays, showing the cancellation
    /// to calendars that subscribed, and can still be renewed).
    calendar: bool,
}

/// The nominee's acceptance form: the zones offered (their country's, and
/// the one they have now) and what was wrong with the last try.
#[derive(Default)]
pub struct Accepting {
    pub zones: Vec<super::home::Choice>,
    /// (control id, message) for the summary.
    pub errors: Vec<(String, String)>,
    pub consent_error: Option<String>,
}

/// What a failed acceptance sends back to the form: the answers as given,
/// the zone chosen, the errors.
#[derive(Default)]
struct Tried {
    answers: serde_json::Map<String, serde_json::Value>,
    zone: Option<String>,
    errors: crate::domain::fields::FieldErrors,
}

#[derive(Template)]
#[template(path = "public/cancel.html")]
pub struct CancelPage {
    pub chrome: Chrome,
    pub token: String,
    pub session_title: String,
    pub when: String,
    pub csrf: String,
}

async fn load(state: &State, token: String) -> Result<(Registration, Session, Option<i64>), PageError> {
    blocking(&state.pool, move |conn| {
        let r = store::find_by_manage_token(conn, &token)?.ok_or(AppError::NotFound)?;
        let s = session_store::find(conn, r.session_id)?.ok_or(AppError::NotFound)?;
        let position = store::waitlist_position(conn, &r)?;
        Ok::<_, PageError>((r, s, position))
    })
    .await
}

/// Whether the registration holds a certificate that stands.
async fn has_certificate(state: &State, r: &Registration) -> Result<bool, PageError> {
    let id = r.id;
    blocking(&state.pool, move |conn| {
        Ok::<_, PageError>(crate::db::certificates::for_registration(conn, id)?.is_some_and(|c| c.revoked_at.is_none()))
    })
    .await
}

fn participant_zone(r: &Registration) -> TimeZone {
    TimeZone::parse(&r.time_zone).unwrap_or_else(|_| TimeZone::utc())
}

/// What the page says on arrival after an action (the query names it).
fn notice(query: &HashMap<String, String>, r: &Registration, position: Option<i64>, lang: Lang) -> Option<String> {
    let email = || ("email", r.email.as_str().into());
    if query.contains_key("welcome") {
        Some(
            match r.status() {
                RegistrationStatus::Confirmed => i18n::message(lang, "notice-confirmed", &[email()]),
                RegistrationStatus::Waitlisted => {
                    i18n::message(lang, "notice-waitlisted", &[("position", position.unwrap_or(1).into()), email()])
                }
                RegistrationStatus::PendingApproval => i18n::message(lang, "notice-pending", &[email()]),
                other => other.label_in(lang),
            } + &query
                .get("dates")
                .and_then(|n| n.parse::<i64>().ok())
                .map(|n| format!(" {}", i18n::message(lang, "notice-series-dates", &[("count", n.into())])))
                .unwrap_or_default(),
        )
    } else if query.contains_key("cancelled") {
        Some(i18n::t(lang, "notice-cancelled"))
    } else if query.contains_key("declined") {
        Some(i18n::t(lang, "lead-declined"))
    } else if query.contains_key("feed") {
        Some(i18n::t(lang, "notice-registration-feed-renewed"))
    } else if query.contains_key("sent") {
        Some(i18n::message(lang, "notice-address-link-sent", &[email()]))
    } else {
        None
    }
}

#[get("/registrations/{token}")]
pub async fn manage_page(
    req: HttpRequest,
    state: State,
    token: web::Path<String>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    render_manage(&req, &state, token.into_inner(), query.into_inner(), Tried::default()).await
}

async fn render_manage(
    req: &HttpRequest,
    state: &State,
    token: String,
    query: HashMap<String, String>,
    tried: Tried,
) -> Result<HttpResponse, PageError> {
    let (r, s, position) = load(state, token.clone()).await?;
    let certificate = has_certificate(state, &r).await?;
    let session_id = r.session_id;
    let materials =
        blocking(&state.pool, move |conn| Ok::<_, PageError>(crate::db::materials::for_session(conn, session_id)?))
            .await?;
    let reference = state.reference();
    let own = participant_zone(&r);
    let viewer = Viewer::from_request(req, &query, own.clone());
    let (session_zone, status, lang) = (s.zone(), r.status(), viewer.lang);
    let feed = FeedPath::Personal(&r.feed_token(&state.keys)).url(&state.base_url);
    // The link to the room only for a confirmed place in a session that goes ahead.
    let joinable =
        status == RegistrationStatus::Confirmed && !s.row.join_url.is_empty() && s.status() == SessionStatus::Published;
    let csrf = csrf::token(req)?;
    let nominated = status == RegistrationStatus::Nominated;
    let token_path = token.clone();
    let page = ManagePage {
        chrome: Chrome::new(&viewer, &reference, &query),
        token,
        notice: notice(&query, &r, position, lang),
        status: status.as_str(),
        status_label: status.label_in(lang),
        waitlist_position: position,
        name: r.name.clone(),
        email: r.email.clone(),
        organisation: r.organisation.clone(),
        country: reference.country(&r.country_iso2).map(|c| c.name_in(lang)).unwrap_or_default(),
        session_id: s.id(),
        session_title: s.row.title.clone(),
        session_cancelled: s.status() == SessionStatus::Cancelled,
        when_participant: SlotView::new_in(lang, s.starts_at(), s.ends_at(), &viewer.zone, &session_zone).line(),
        when_session: (viewer.zone != session_zone)
            .then(|| SlotView::new_in(lang, s.starts_at(), s.ends_at(), &session_zone, &session_zone).line()),
        join_url: joinable.then(|| s.row.join_url.clone()),
        can_cancel: status.is_active(),
        feed: subscribe(feed, &i18n::t(lang, "my-sessions")),
        csrf: csrf.value.clone(),
        questions: if nominated { questions(&s, &tried, lang) } else { Vec::new() },
        accepting: if nominated { accepting(&r, &reference, &tried, lang) } else { Accepting::default() },
        certificate,
        check_in: (status == RegistrationStatus::Confirmed && s.in_room(&r) && s.status() == SessionStatus::Published)
            .then(|| {
                let code = r.check_in_code(&state.keys);
                let qr = crate::pdf::qr_svg(&code, &i18n::t(lang, "email-check-in-qr")).unwrap_or_default();
                (code, qr)
            }),
        add_to_calendar: status == RegistrationStatus::Confirmed && s.status() == SessionStatus::Published,
        calendar: status.is_active() && s.status() == SessionStatus::Published,
        materials: crate::web::materials::lines(
            &materials,
            &format!("/registrations/{token_path}/materials"),
            lang,
            |m| crate::domain::material::registrant_may_open(m.audience, status),
        ),
    };
    let code = if tried.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let mut res = render_status(&page, code, [viewer.cookie(), csrf.cookie])?;
    // The address carries a secret: keep it out of referrers.
    res.headers_mut().insert(header::REFERRER_POLICY, header::HeaderValue::from_static("no-referrer"));
    Ok(res)
}

/// The session's questions as a nominee answers them, with the answers and
/// errors of a failed try.
fn questions(s: &Session, tried: &Tried, lang: Lang) -> Vec<super::register::QuestionView> {
    s.questions()
        .iter()
        .map(|q| {
            let error = tried.errors.get_in(&format!("answers.{}", q.key), lang);
            super::register::question_view(q, tried.answers.get(&q.key), error)
        })
        .collect()
}

/// The acceptance form: the zones of the nominee's country with the one
/// they have now (chosen for them when nominated) selected.
fn accepting(r: &Registration, reference: &crate::db::reference::Reference, tried: &Tried, lang: Lang) -> Accepting {
    let chosen = tried.zone.clone().unwrap_or_else(|| r.time_zone.clone());
    let mut zones: Vec<String> = reference.zones_of(&r.country_iso2).to_vec();
    for z in [&r.time_zone, &chosen] {
        if !zones.contains(z) {
            zones.push(z.clone());
        }
    }
    let errors = tried
        .errors
        .0
        .iter()
        .map(|(f, m)| {
            let id = match f.strip_prefix("answers.") {
                Some(key) => format!("q-{key}"),
                None if f == "consent" => "accept-consent".into(),
                None => format!("f-{f}"),
            };
            (id, m.in_lang(lang))
        })
        .collect();
    Accepting {
        zones: zones
            .into_iter()
            .map(|z| super::home::Choice { selected: z == chosen, label: z.clone(), value: z })
            .collect(),
        errors,
        consent_error: tried.errors.get_in("consent", lang),
    }
}

#[get("/registrations/{token}/cancel")]
pub async fn cancel_form(req: HttpRequest, state: State, token: web::Path<String>) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let (r, s, _) = load(&state, token.clone()).await?;
    let reference = state.reference();
    let empty = HashMap::new();
    let viewer = Viewer::from_request(&req, &empty, participant_zone(&r));
    let csrf = csrf::token(&req)?;
    let page = CancelPage {
        chrome: Chrome::new(&viewer, &reference, &empty),
        token,
        session_title: s.row.title.clone(),
        when: SlotView::new_in(viewer.lang, s.starts_at(), s.ends_at(), &viewer.zone, &s.zone()).line(),
        csrf: csrf.value.clone(),
    };
    render_status(&page, StatusCode::OK, [csrf.cookie])
}

/// A participant's action from a form on the manage page (its CSRF token
/// checked by the handler's `CsrfForm`): finds the registration, runs
/// `op`, and goes to `then` (a query string for the manage page, or a
/// path of its own).
async fn act<F>(state: &State, token: String, then: &str, op: F) -> Result<HttpResponse, PageError>
where
    F: FnOnce(&mut crate::db::DbConn, &Registration) -> Result<(), AppError> + Send + 'static,
{
    let for_db = token.clone();
    blocking(&state.pool, move |conn| {
        let r = store::find_by_manage_token(conn, &for_db)?.ok_or(AppError::NotFound)?;
        Ok::<_, PageError>(op(conn, &r)?)
    })
    .await?;
    state.mail_queued();
    let location = if then.starts_with('/') { then.to_string() } else { format!("/registrations/{token}?{then}") };
    Ok(crate::web::see_other(&location))
}

#[post("/registrations/{token}/cancel")]
pub async fn cancel(state: State, token: web::Path<String>, _form: CsrfForm) -> Result<HttpResponse, PageError> {
    let notifier = state.composer.clone();
    act(&state, token.into_inner(), "cancelled=1", move |conn, r| {
        crate::registrations::cancel(conn, r.id, &notifier).map(|_| ()).map_err(AppError::from)
    })
    .await
}

/// The nominee takes the place held for them: consent ticked, a zone of
/// their choice, answers to the session's questions; anything wrong comes
/// back on the same page with what was given kept.
#[post("/registrations/{token}/accept")]
pub async fn accept(
    req: HttpRequest,
    state: State,
    token: web::Path<String>,
    form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let (r, s, _) = load(&state, token.clone()).await?;
    let answers = super::register::form_answers(&form.0.0, &s.questions());
    let chosen = form.get("time_zone");
    let mut tried = Tried { answers, zone: Some(chosen.clone()).filter(|z| !z.is_empty()), ..Tried::default() };
    let zone = match tried.zone.as_deref().map(TimeZone::parse) {
        Some(Ok(z)) => Some(z),
        Some(Err(e)) => {
            tried.errors.add("time_zone", e);
            None
        }
        None => None,
    };
    if form.get("consent") != "on" {
        tried.errors.add("consent", Message::id("err-consent"));
    }
    if !tried.errors.is_empty() {
        return render_manage(&req, &state, token, HashMap::new(), tried).await;
    }
    let acceptance = crate::registrations::nominations::Acceptance {
        zone,
        answers: Some(serde_json::Value::Object(tried.answers.clone())),
    };
    let notifier = state.composer.clone();
    let id = r.id;
    let result = blocking(&state.pool, move |conn| {
        match crate::registrations::nominations::accept(conn, id, acceptance, crate::db::now(), &notifier) {
            Ok(_) => Ok(None),
            Err(crate::registrations::RegistrationError::Invalid(errors)) => Ok(Some(errors)),
            Err(e) => Err(PageError::from(AppError::from(e))),
        }
    })
    .await?;
    match result {
        None => {
            state.mail_queued();
            Ok(crate::web::see_other(&format!("/registrations/{token}?welcome=1")))
        }
        Some(errors) => render_manage(&req, &state, token, HashMap::new(), Tried { errors, ..tried }).await,
    }
}

/// The nominee gives the place back.
#[post("/registrations/{token}/decline")]
pub async fn decline(state: State, token: web::Path<String>, _form: CsrfForm) -> Result<HttpResponse, PageError> {
    let notifier = state.composer.clone();
    act(&state, token.into_inner(), "declined=1", move |conn, r| {
        crate::registrations::nominations::decline(conn, r.id, &notifier).map(|_| ()).map_err(AppError::from)
    })
    .await
}

#[post("/registrations/{token}/feed")]
pub async fn renew_feed(state: State, token: web::Path<String>, _form: CsrfForm) -> Result<HttpResponse, PageError> {
    let keys = state.keys.clone();
    act(&state, token.into_inner(), "feed=renewed", move |conn, r| {
        store::renew_feed(conn, &keys, r).map(|_| ()).map_err(AppError::from)
    })
    .await
}

#[derive(Template)]
#[template(path = "public/recover.html")]
pub struct RecoverPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub email: String,
    pub error: Option<String>,
    pub notice: Option<String>,
    pub sent: bool,
}

/// What the recovery page shows.
pub enum Recover {
    Form,
    Sent,
    /// The address typed, and what is wrong with it.
    Invalid(String, Message),
    /// Reached through an access link that has expired or never existed.
    Expired,
}

pub fn recover_page(
    req: &HttpRequest,
    state: &State,
    how: Recover,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let empty = HashMap::new();
    let viewer = Viewer::from_request(req, &empty, TimeZone::utc());
    let csrf = csrf::token(req)?;
    let (email, error, notice, sent) = match how {
        Recover::Form => (String::new(), None, None, false),
        Recover::Sent => (String::new(), None, None, true),
        Recover::Invalid(email, m) => (email, Some(m.in_lang(viewer.lang)), None, false),
        Recover::Expired => (String::new(), None, Some(i18n::t(viewer.lang, "access-link-expired")), false),
    };
    let page = RecoverPage {
        chrome: Chrome::new(&viewer, &state.reference(), &empty),
        csrf: csrf.value.clone(),
        email,
        error,
        notice,
        sent,
    };
    render_status(&page, status, [csrf.cookie])
}

#[get("/registrations/recover")]
pub async fn recover_form(req: HttpRequest, state: State) -> Result<HttpResponse, PageError> {
    recover_page(&req, &state, Recover::Form, StatusCode::OK)
}

/// Emails an address the links of its current registrations and a link to
/// everything kept about it. The answer is the same whether or not the
/// address is registered, so the form cannot be used to learn who
/// registered.
#[post("/registrations/recover")]
pub async fn recover(req: HttpRequest, state: State, form: CsrfForm) -> Result<HttpResponse, PageError> {
    csrf::refuse_bots(&form)?;
    crate::web::rate_limit(&req, &state)?;
    let typed = form.raw("email").unwrap_or_default().to_string();
    let email = match crate::domain::email::EmailAddress::parse(&typed) {
        Ok(e) => e,
        Err(m) => {
            let problem = Message::new("bad-email", vec![("problem", m.into())]);
            return recover_page(&req, &state, Recover::Invalid(typed, problem), StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let composer = state.composer.clone();
    blocking(&state.pool, move |conn| {
        Ok::<_, PageError>(crate::registrations::privacy::send_address_links(
            conn,
            &composer,
            email.as_str(),
            crate::db::now(),
        )?)
    })
    .await?;
    state.mail_queued();
    recover_page(&req, &state, Recover::Sent, StatusCode::OK)
}

/// "Email me a link to all my registrations": the address-wide pages open
/// only through the inbox, whoever holds this registration's link.
#[post("/registrations/{token}/all")]
pub async fn email_address_link(
    req: HttpRequest,
    state: State,
    token: web::Path<String>,
    _form: CsrfForm,
) -> Result<HttpResponse, PageError> {
    crate::web::rate_limit(&req, &state)?;
    let composer = state.composer.clone();
    act(&state, token.into_inner(), "sent=1", move |conn, r| {
        Ok(crate::registrations::privacy::send_address_links(conn, &composer, &r.email, crate::db::now())?)
    })
    .await
}

/// The registration as a calendar file to import (METHOD:PUBLISH, the same
/// UID and SEQUENCE as the emailed invites, so they stay one event: the
/// series' event for a place taken for a whole series).
#[get("/registrations/{token}/invite.ics")]
pub async fn personal_invite(state: State, token: web::Path<String>) -> Result<HttpResponse, PageError> {
    let (r, s, _) = load(&state, token.into_inner()).await?;
    let composer = state.composer.clone();
    let ics = blocking(&state.pool, move |conn| {
        Ok::<_, PageError>(composer.invite_file(conn, &s, &r).map_err(AppError::from)?)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Content-Disposition", "attachment; filename=\"invite.ics\""))
        .insert_header(("Cache-Control", "no-store"))
        .insert_header(("Referrer-Policy", "no-referrer"))
        .body(ics))
}

/// A copy of what is kept about this registration, as JSON (everything
/// about the address is behind an emailed link: see `address.rs`).
#[get("/registrations/{token}/data.json")]
pub async fn data_export(state: State, token: web::Path<String>) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let data = blocking(&state.pool, move |conn| {
        let r = store::find_by_manage_token(conn, &token)?.ok_or(AppError::NotFound)?;
        Ok::<_, PageError>(crate::db::privacy::export_registration(conn, &r)?)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Content-Disposition", "attachment; filename=\"convene-my-data.json\""))
        .insert_header(("Cache-Control", "no-store"))
        .insert_header(("Referrer-Policy", "no-referrer"))
        .json(data))
}

#[derive(Template)]
#[template(path = "public/erase.html")]
pub struct ErasePage {
    pub chrome: Chrome,
    /// The page the erasure is asked from: `/registrations/{token}` or `/my/{token}`.
    pub base: String,
    pub explain: String,
    pub csrf: String,
}

/// The confirmation step before an erasure, for one registration or a whole address.
pub fn erase_page(
    req: &HttpRequest,
    state: &State,
    viewer: &Viewer,
    base: String,
    explain: String,
) -> Result<HttpResponse, PageError> {
    let empty = HashMap::new();
    let csrf = csrf::token(req)?;
    let page =
        ErasePage { chrome: Chrome::new(viewer, &state.reference(), &empty), base, explain, csrf: csrf.value.clone() };
    render_status(&page, StatusCode::OK, [csrf.cookie])
}

#[get("/registrations/{token}/erase")]
pub async fn erase_form(req: HttpRequest, state: State, token: web::Path<String>) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let (r, s, _) = load(&state, token.clone()).await?;
    let empty = HashMap::new();
    let viewer = Viewer::from_request(&req, &empty, participant_zone(&r));
    let explain = i18n::message(viewer.lang, "erase-explain-one", &[("title", s.row.title.as_str().into())]);
    erase_page(&req, &state, &viewer, format!("/registrations/{token}"), explain)
}

#[post("/registrations/{token}/erase")]
pub async fn erase(state: State, token: web::Path<String>, _form: CsrfForm) -> Result<HttpResponse, PageError> {
    let notifier = state.composer.clone();
    // The old link no longer works afterwards, so the answer is a page of its own.
    act(&state, token.into_inner(), "/registrations/erased?one", move |conn, r| {
        crate::registrations::privacy::erase_registration(conn, r, &notifier).map(|_| ()).map_err(AppError::from)
    })
    .await
}

#[derive(Template)]
#[template(path = "public/erased.html")]
pub struct ErasedPage {
    pub chrome: Chrome,
    /// One registration was erased (`?one`), not a whole address.
    pub one: bool,
}

#[get("/registrations/erased")]
pub async fn erased_page(
    req: HttpRequest,
    state: State,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let empty = HashMap::new();
    let viewer = Viewer::from_request(&req, &empty, TimeZone::utc());
    let page = ErasedPage { chrome: Chrome::new(&viewer, &state.reference(), &empty), one: query.contains_key("one") };
    render_status(&page, StatusCode::OK, [None])
}

/// A material of the person's session: public ones for any registrant,
/// registrants-only ones with a confirmed place; another session's is a 404.
#[get("/registrations/{token}/materials/{material}")]
async fn material(state: State, path: web::Path<(String, i32)>) -> Result<HttpResponse, PageError> {
    let (token, material) = path.into_inner();
    let row = blocking(&state.pool, move |conn| {
        let r = store::find_by_manage_token(conn, &token)?.ok_or(AppError::NotFound)?;
        let m = crate::db::materials::find(conn, r.session_id, material)?.ok_or(AppError::NotFound)?;
        if !crate::domain::material::registrant_may_open(m.audience, r.status()) {
            return Err(PageError(AppError::NotFound));
        }
        Ok(m)
    })
    .await?;
    crate::web::materials::serve(&state, row).await
}
